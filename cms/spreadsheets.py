"""Spreadsheet exports that a spreadsheet program cannot turn into formulas.

A cell that begins with =, +, -, @, a tab or a carriage return is read as a formula by
Excel and LibreOffice (OWASP "CSV injection"): a visitor's or a feed's text could run a
formula on the computer of the staff member who opens the export. Such text is written
with a leading apostrophe, which the programs show as plain text. Wagtail's own XLSX
writer already keeps formulas as text; its CSV writer does not.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """`value` made safe for a spreadsheet cell: text that a spreadsheet would take for a
    formula gets a leading apostrophe; numbers, dates and other values are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """For a Wagtail listing view with `list_export`: every exported cell neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))


def write_csv_rows(writer, rows):
    """Write plain rows (lists) through a csv writer, each cell neutralised."""
    for row in rows:
        writer.writerow([neutralise_formula(cell) for cell in row])


def xlsx_workbook(title, heading, rows):
    """An openpyxl workbook of one sheet (heading row then `rows`), every cell neutralised
    and none taken for a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for row in [heading, *rows]:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, neutralise_formula(value))
            if cell.data_type == "f":
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    return workbook


__all__ = [
    "FORMULA_PREFIXES",
    "SafeSpreadsheetExportMixin",
    "SpreadsheetExportMixin",
    "neutralise_formula",
    "write_csv_rows",
    "xlsx_workbook",
]
