"""Writes test sheets with openpyxl, and hostile workbooks with zipfile, from a JSON spec on stdin.

{"kind": "openpyxl", "path": ..., "rows": [[cell, ...]], "merges": ["A1:F1"]}  cell: str | number | null | {"date": "2019-04-12"}
{"kind": "hostile", "path": ..., "what": "bomb" | "lying-bomb" | "dimension" | "doctype" | "encrypted-entry"}
"""
import datetime, json, struct, sys, zipfile

spec = json.load(sys.stdin)

def cell(v):
    if isinstance(v, dict) and "date" in v:
        return datetime.datetime.strptime(v["date"], "%Y-%m-%d")
    return v

if spec["kind"] == "openpyxl":
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = spec.get("title", "Sheet1")
    for row in spec["rows"]:
        ws.append([cell(v) for v in row])
    for m in spec.get("merges", []):
        ws.merge_cells(m)
    for r in ws.iter_rows():
        for c in r:
            if isinstance(c.value, datetime.datetime):
                c.number_format = "yyyy-mm-dd"
    wb.save(spec["path"])
    sys.exit(0)

CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
WB = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
WBRELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
ROWS = '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c></row>'

def sheet(prolog="", dimension="A1:B1", rows=ROWS):
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'

what = spec["what"]
parts = {"[Content_Types].xml": CT, "_rels/.rels": RELS, "xl/workbook.xml": WB, "xl/_rels/workbook.xml.rels": WBRELS}
if what == "dimension":
    parts["xl/worksheets/sheet1.xml"] = sheet(dimension="A1:XFD1048576")
elif what == "doctype":
    parts["xl/worksheets/sheet1.xml"] = sheet(prolog='<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>')
elif what in ("bomb", "lying-bomb"):
    # 500 MB of one repeated row: a few hundred KB compressed.
    body = '<row r="2"><c r="A2" t="inlineStr"><is><t>' + "0" * (1024 * 1024) + "</t></is></c></row>"
    parts["xl/worksheets/sheet1.xml"] = None
else:
    parts["xl/worksheets/sheet1.xml"] = sheet()

with zipfile.ZipFile(spec["path"], "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        if text is None:
            with z.open(name, "w", force_zip64=False) as f:
                f.write(sheet(rows="")[: -len("</sheetData></worksheet>")].encode())
                chunk = body.encode()
                for _ in range(500 if what == "bomb" else 100):
                    f.write(chunk)
                f.write(b"</sheetData></worksheet>")
        else:
            z.writestr(name, text)

if what in ("lying-bomb", "encrypted-entry"):
    # Patch the central directory: declare the big sheet tiny, or mark an entry encrypted.
    data = bytearray(open(spec["path"], "rb").read())
    i = data.find(b"PK\x01\x02")
    while i >= 0:
        name_len = struct.unpack_from("<H", data, i + 28)[0]
        name = bytes(data[i + 46 : i + 46 + name_len]).decode()
        if name == "xl/worksheets/sheet1.xml":
            if what == "lying-bomb":
                struct.pack_into("<I", data, i + 24, 4096)
            else:
                flags = struct.unpack_from("<H", data, i + 8)[0]
                struct.pack_into("<H", data, i + 8, flags | 1)
        i = data.find(b"PK\x01\x02", i + 4)
    open(spec["path"], "wb").write(bytes(data))
