"""Reading a page's specific row by its id, without compiling the query on every request.

Serving a page reads one row: the page's own, joined to the tables of its parents (a service
page has some fifty columns). Django compiles that query again on every request and works
out again how to convert each column; for a service page that cost eight times what the
database spends answering it. The query and the conversions depend only on the model, so
they are worked out once per process and model; each request then runs the same SQL with
the id and builds the instance as Django's own ModelIterable does (Model.from_db), with
Django's converters: the page is still read afresh from the database on every request.

Touches the ORM's compiler internals (select, klass_info, col_count, get_converters) in this
one place: re-read Django's ModelIterable on an upgrade (tests/cms/test_page_rows.py
compares every field of every page type with what the ORM returns).
"""

from dataclasses import dataclass

from django.db import connections, router

WRITTEN_FOR = ("django 5.2",)
_PLACEHOLDER_ID = 0


@dataclass(frozen=True)
class _Compiled:
    sql: str
    init_list: list
    converters: dict
    start: int
    end: int


_compiled = {}


def _compile(model, using):
    """The compiled query of `model` by id, or None for a query this module does not know
    how to replay (a default manager that adds parameters, joins or extra columns)."""
    queryset = model._default_manager.db_manager(using).filter(pk=_PLACEHOLDER_ID)
    compiler = queryset.query.get_compiler(using)
    sql, params = compiler.as_sql()
    if list(params) != [_PLACEHOLDER_ID]:
        return None
    klass_info = compiler.klass_info
    if klass_info.get("related_klass_infos") or compiler.annotation_col_map:
        return None
    select_fields = klass_info["select_fields"]
    start, end = select_fields[0], select_fields[-1] + 1
    if (start, end) != (0, compiler.col_count):
        return None
    fields = [column[0] for column in compiler.select[: compiler.col_count]]
    return _Compiled(
        sql=sql,
        init_list=[column[0].target.attname for column in compiler.select[start:end]],
        converters=compiler.get_converters(fields),
        start=start,
        end=end,
    )


def get_by_id(model, pk):
    """`model._default_manager.get(pk=pk)`, one query; raises model.DoesNotExist."""
    using = router.db_for_read(model)
    key = (model, using)
    if key not in _compiled:
        _compiled[key] = _compile(model, using)
    compiled = _compiled[key]
    if compiled is None:
        return model._default_manager.db_manager(using).get(pk=pk)
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, [pk])
        row = cursor.fetchone()
    if row is None:
        raise model.DoesNotExist(f"{model._meta.object_name} matching query does not exist.")
    values = list(row)
    for position, (functions, expression) in compiled.converters.items():
        value = values[position]
        for function in functions:
            value = function(value, expression, connection)
        values[position] = value
    return model.from_db(using, compiled.init_list, values[compiled.start : compiled.end])
