"""The generated Georgian vocabulary the search benches share: lemmas with the forms a
text uses (independent of the stemmer under test), filler words, and queries made from
them in inflected, Mtavruli and Latin-typed forms."""

from helpers.georgian import fold_mtavruli, to_latin

CONSONANT_STEMS = """ოფის სახლ ბავშვ კანონ სერვის ვაუჩერ ცენტრ ოჯახ დოკუმენტ ტელეფონ რეესტრ
სტატუს ქალაქ რაიონ მოქალაქ პაციენტ ექიმ სტუდენტ პროექტ ბიუჯეტ ანგარიშ ხელშეკრულებ
დეპარტამენტ მინისტრ სამსახურ ბენეფიციარ კომპენსაციის სამედიცინო ინვალიდ მზრუნველ
შვილ ხანდაზმულ პირ თანხ ლიმიტ კრიტერიუმ გრაფიკ ფონდ""".split()
A_STEMS = """პენსი პროგრამ დახმარებ მომსახურებ განცხადებ ორგანიზაცი კომისი ინფორმაცი
ადმინისტრაცი ოპერაცი რეაბილიტაცი სტრატეგი სკოლ ბინ მანქან შემწეობ მეურვეობ ოჯახურ
შეხვედრ კონსულტაცი ფორმ კატეგორი ვაკანსი ოლიმპიად""".split()
O_STEMS = "სააგენტო ბიურო რადიო კაფე ჟიური მეტრო".split()
IRREGULAR = {
    "მშობელი": ["მშობელი", "მშობლის", "მშობელს", "მშობლები", "მშობლებს", "მშობელთა"],
    "წელი": ["წელი", "წლის", "წელს", "წლები", "წლებში", "წლამდე"],
    "სოფელი": ["სოფელი", "სოფლის", "სოფელში", "სოფლები", "სოფლებში"],
    "ქვეყანა": ["ქვეყანა", "ქვეყნის", "ქვეყანაში", "ქვეყნები"],
    "შემოსავალი": ["შემოსავალი", "შემოსავლის", "შემოსავალს", "შემოსავლები"],
    "თანამშრომელი": ["თანამშრომელი", "თანამშრომლის", "თანამშრომლები", "თანამშრომელთან"],
    "მომხმარებელი": ["მომხმარებელი", "მომხმარებლის", "მომხმარებლებს", "მომხმარებელთა"],
    "ოქტომბერი": ["ოქტომბერი", "ოქტომბრის", "ოქტომბერში", "ოქტომბრამდე"],
}
CONSONANT_ENDINGS = "ი ის ს ით ად მა ში ზე თან ისთვის იდან ამდე ები ების ებს ებში ებით".split()
A_ENDINGS = "ა ის ას ით ად ამ აში აზე ასთან ისთვის იდან ები ების ებს ებში".split()
O_ENDINGS = ["", "ს", "მ", "ში", "ზე", "სთან", "სთვის", "დან", "ები", "ების", "ებში"]
FILLER = """მიღება წესი შესახებ მიზნით ფარგლებში საჭირო დოკუმენტები ვადა ეტაპი
ინფორმაციით მოქმედი სამინისტრო შესაბამისად მოთხოვნით პირობები ყოველთვიური
ოდენობით დადგენილი გადაწყვეტილება მიმართვა ონლაინ ოფიციალური ვებგვერდი""".split()
QUERY_KINDS = ("inflected", "mtavruli", "latin")


def lexicon() -> dict[str, list[str]]:
    lemmas = {}
    for stem in CONSONANT_STEMS:
        lemmas[stem + "ი"] = [stem + ending for ending in CONSONANT_ENDINGS]
    for stem in A_STEMS:
        lemmas[stem + "ა"] = [stem + ending for ending in A_ENDINGS]
    for word in O_STEMS:
        lemmas[word] = [word + ending for ending in O_ENDINGS]
    lemmas.update(IRREGULAR)
    return lemmas


def informal(latin: str) -> str:
    """The informal Latin spelling many people type: x for ხ, c for ც."""
    return latin.replace("kh", "x").replace("ts", "c")


def mtavruli(text: str) -> str:
    capitals = "".join(chr(ord(c) + 0x1C90 - 0x10D0) if "ა" <= c <= "ჰ" else c for c in text)
    assert fold_mtavruli(capitals) == text
    return capitals


def page_words(lemmas, rng, number: int, body_words: int = 0):
    """(title, intro, body, topics) of one generated page: 2-3 topic lemmas in random
    forms among filler words, and optionally a longer body of the same vocabulary."""
    names = sorted(lemmas)
    topics = rng.sample(names, 3 if number % 2 else 2)
    words = [rng.choice(lemmas[t]) for t in topics for _ in range(2)]
    words += rng.sample(FILLER, 8)
    rng.shuffle(words)
    title = f"{rng.choice(lemmas[topics[0]])} {rng.choice(FILLER)} {number}"
    body = ""
    if body_words:
        vocabulary = FILLER * 3 + [form for t in topics for form in lemmas[t]]
        body = " ".join(rng.choice(vocabulary) for _ in range(body_words))
    return title, " ".join(words), body, set(topics)


def query_text(form: str, kind: str, index: int) -> str:
    if kind == "mtavruli":
        return mtavruli(form)
    if kind == "latin":
        return to_latin(form) if index % 2 else informal(to_latin(form))
    return form
