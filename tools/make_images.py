"""Makes the agency's own images the public site serves: the share card every page falls
back to on social networks (1200×630), the favicon and the touch icons.

    .venv/bin/python tools/make_images.py

A plain mark in the agency's colour (a white ring) and the agency's name in Georgian and
English set in Noto Sans Georgian (site/fonts-source/, SIL OFL 1.1). These images show no
person and use no photograph, so they need no consent and carry no third party's rights:
unlike an archive photo, they can always be published. Requires fonttools and brotli
(requirements-dev.txt) to read the WOFF2 sources.
"""

import io
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "site" / "fonts-source"
TARGET = ROOT / "site" / "static" / "img"
AGENCY_BLUE = (11, 61, 107)  # --color-brand in site.css
NAME_KA = "სოციალური მომსახურების სააგენტო"
NAME_EN = "Social Service Agency of Georgia"


def font(script, size):
    """Pillow reads TrueType, not WOFF2: the source decompressed in memory."""
    ttfont = TTFont(str(SOURCE / f"noto-sans-georgian-{script}-700-normal.woff2"))
    ttfont.flavor = None
    buffer = io.BytesIO()
    ttfont.save(buffer)
    buffer.seek(0)
    return ImageFont.truetype(buffer, size)


def ring(draw, box, width):
    draw.ellipse(box, outline="white", width=width)


def share_card():
    image = Image.new("RGB", (1200, 630), AGENCY_BLUE)
    draw = ImageDraw.Draw(image)
    ring(draw, (80, 80, 240, 240), 14)
    draw.text((80, 300), NAME_KA, font=font("georgian", 48), fill="white")
    draw.text((80, 390), NAME_EN, font=font("latin", 44), fill=(220, 232, 244))
    draw.text((80, 520), "ssa.gov.ge", font=font("latin", 36), fill="white")
    image.save(TARGET / "share-card.png", optimize=True)


def icon(size):
    image = Image.new("RGB", (size, size), AGENCY_BLUE)
    draw = ImageDraw.Draw(image)
    margin, width = round(size * 0.2), max(2, round(size * 0.1))
    ring(draw, (margin, margin, size - margin, size - margin), width)
    return image


def main():
    TARGET.mkdir(parents=True, exist_ok=True)
    share_card()
    icon(180).save(TARGET / "apple-touch-icon.png", optimize=True)
    icon(192).save(TARGET / "icon-192.png", optimize=True)
    icon(512).save(TARGET / "icon-512.png", optimize=True)
    icon(48).save(TARGET / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    (TARGET / "favicon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        '<rect width="32" height="32" fill="#0b3d6b"/>'
        '<circle cx="16" cy="16" r="9" fill="none" stroke="#fff" stroke-width="3"/></svg>\n'
    )
    for path in sorted(TARGET.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:>6} bytes")


if __name__ == "__main__":
    main()
