"""Reads an xlsx file with openpyxl (an independent reader, not our writer) and
prints what the journeys check, as JSON: each sheet's rows (values and cell
types), frozen panes, autofilter, and the charts found in the package with the
ranges their series read."""
import json
import re
import sys
import zipfile

import openpyxl

path = sys.argv[1]
book = openpyxl.load_workbook(path)
out = {"sheets": book.sheetnames, "data": {}, "types": {}, "frozen": {}, "filter": {}, "charts": []}
for ws in book.worksheets:
    rows = list(ws.iter_rows())
    out["data"][ws.title] = [[c.value for c in row] for row in rows]
    out["types"][ws.title] = [[c.data_type for c in row] for row in rows]
    out["frozen"][ws.title] = ws.freeze_panes
    out["filter"][ws.title] = ws.auto_filter.ref
with zipfile.ZipFile(path) as z:
    for name in sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)):
        xml = z.read(name).decode("utf-8")
        kind = re.search(r"<c:(radarChart|barChart|lineChart|pieChart)>", xml)
        out["charts"].append({"kind": kind.group(1) if kind else None, "ranges": re.findall(r"<c:f>([^<]+)</c:f>", xml)})
    formulas = [n for n in z.namelist() if n.startswith("xl/worksheets/") and "<f>" in z.read(n).decode("utf-8")]
    out["sheets_with_formulas"] = formulas
print(json.dumps(out, default=str))
