"""Reads a workbook with openpyxl (an independent reader) and prints what the report tests check, as JSON.

Usage: /usr/bin/python3 inspect_xlsx.py FILE.xlsx
"""
import json
import sys

import openpyxl

path = sys.argv[1]
formulas = openpyxl.load_workbook(path)  # formulas as written
cached = openpyxl.load_workbook(path, data_only=True)  # the values viewers show without recalculating

out = {"sheets": []}
for ws in formulas.worksheets:
    values = cached[ws.title]
    cells = []
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            cells.append({
                "ref": c.coordinate,
                "type": c.data_type,  # 's' string, 'n' number, 'f' formula
                "value": c.value if not isinstance(c.value, (int, float)) or c.data_type != "f" else str(c.value),
                "cached": values[c.coordinate].value,
                "font": c.font.name,
                "numFmt": c.number_format,
                "border": bool(c.border.left.style and c.border.right.style and c.border.top.style and c.border.bottom.style),
                "quotePrefix": bool(c.quotePrefix),  # Excel's 写为文本: stays text when the cell is re-entered
            })
    ps = ws.page_setup
    out["sheets"].append({
        "name": ws.title,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "printArea": ws.print_area,
        "printTitleRows": ws.print_title_rows,
        "orientation": ps.orientation,
        "paperSize": ps.paperSize,
        "fitToWidth": ps.fitToWidth,
        "fitToHeight": ps.fitToHeight,
        "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
        "horizontalCentered": ws.print_options.horizontalCentered,
        "footer": ws.oddFooter.center.text,
        "freeze": ws.freeze_panes,
        "maxRow": ws.max_row,
        "rowHeights": {str(i): d.height for i, d in ws.row_dimensions.items() if d.height is not None},
        "maxColumn": ws.max_column,
        "cells": cells,
    })
json.dump(out, sys.stdout, ensure_ascii=False, default=str)
