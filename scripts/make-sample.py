#!/usr/bin/env python3
"""Regenerates data/sample-pizza.json, the Pizza&Pizza case study, from the
default catalog: every question of every process answered (full mode) with a
realistic profile per process. Run after changing catalog question ids:
    python3 scripts/make-sample.py
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
catalog = json.loads((ROOT / "catalog/default.json").read_text())

# Answer patterns per attribute group, cycled over that attribute's questions:
# (PA1.1, PA2.x, PA3.x, PA4.x, PA5.x). A realistic young IT team: the service
# desk and incident handling work, change and release are informal, suppliers
# are barely managed, nothing is measured statistically yet.
PROFILES = {
    "incident":              ("F",     "LLF", "PLP", "NP", "N"),
    "service-desk":          ("FFL",   "LP",  "P",   "N",  "N"),
    "service-request":       ("FLL",   "PL",  "P",   "N",  "N"),
    "monitoring":            ("LLP",   "P",   "P",   "N",  "N"),
    "availability":          ("LP",    "P",   "N",   "N",  "N"),
    "security":              ("LLP",   "PL",  "P",   "N",  "N"),
    "change":                ("PLP",   "P",   "N",   "N",  "N"),
    "release":               ("PPN",   "P",   "N",   "N",  "N"),
    "configuration":         ("PN",    "N",   "N",   "N",  "N"),
    "supplier":              ("PNP",   "N",   "N",   "N",  "N"),
    "service-level":         ("PPN",   "N",   "N",   "N",  "N"),
    "problem":               ("PN",    "N",   "N",   "N",  "N"),
    "knowledge":             ("PPL",   "P",   "N",   "N",  "N"),
    "capacity":              ("PN",    "N",   "N",   "N",  "N"),
    "continuity":            ("NP",    "N",   "N",   "N",  "N"),
    "service-catalogue":     ("LP",    "P",   "N",   "N",  "N"),
    "service-reporting":     ("PL",    "P",   "N",   "N",  "N"),
    "service-portfolio":     ("PN",    "N",   "N",   "N",  "N"),
    "business-relationship": ("LP",    "P",   "N",   "N",  "N"),
    "continual-improvement": ("PN",    "N",   "N",   "N",  "N"),
    "financial":             ("LL",    "LP",  "P",   "N",  "N"),
    "service-design":        ("PP",    "N",   "N",   "N",  "N"),
}
GROUP = {"PA2.1": 1, "PA2.2": 1, "PA3.1": 2, "PA3.2": 2, "PA4.1": 3, "PA4.2": 3, "PA5.1": 4, "PA5.2": 4}
NOTES = {
    "incident/incident-major": "The payment outage in March followed the procedure; the review happened two weeks late.",
    "change/change-assessed": "Website changes are checked by the developer who made them; no second pair of eyes.",
    "supplier/supplier-contracts": "The telecom contract was signed in 2019 and nobody has looked at it since.",
}

answers = {}
for p in catalog["processes"]:
    prof = PROFILES[p["id"]]
    for i, q in enumerate(p["questions"]):
        answers[f'{p["id"]}/{q["id"]}'] = {"answer": prof[0][i % len(prof[0])]}
    counters = {}
    for q in catalog["generic_questions"]:
        pattern = prof[GROUP[q["attribute"]]]
        k = counters.get(q["attribute"], 0)
        counters[q["attribute"]] = k + 1
        answers[f'{p["id"]}/{q["id"]}'] = {"answer": pattern[k % len(pattern)]}
for key, note in NOTES.items():
    if key in answers:
        answers[key]["note"] = note
# Capacity planning of the shop floor ovens is not IT's business.
cap = next(p for p in catalog["processes"] if p["id"] == "capacity")
answers[f'capacity/{cap["questions"][-1]["id"]}'] = {"answer": "NA", "note": "Handled by the franchise partners, not by IT."}

def pw(process, weight):
    return {"process": process, "weight": weight}

assessment = {
    "id": "sample-pizza",
    "name": "Pizza&Pizza — baseline assessment",
    "date": "2026-11-02",
    "organization": {
        "name": "Pizza&Pizza",
        "size": "11-50",
        "sector": "Food delivery",
        "context": "A pizza-delivery company with 12 outlets, opening 50 new delivery points over the next 18 months. "
                   "Customers order on the website or by phone; the phone staff use the same website. "
                   "Card payment on delivery and online is being rolled out to every outlet.",
    },
    "mode": "full",
    "objectives": {
        "competitive-services": 4,
        "customer-service-culture": 4,
        "always-available-services": 5,
        "scale-operations": 5,
        "protect-data": 3,
        "cost-effective-it": 2,
    },
    "custom_objectives": [
        {"id": "custom-menu", "name": "A menu customers can customize",
         "description": "Customers build their own pizza online and by phone, with prices and allergens always right.",
         "importance": 5,
         "processes": [pw("change", 2), pw("release", 2), pw("service-design", 1), pw("service-catalogue", 1), pw("incident", 1)]},
        {"id": "custom-card-payment", "name": "Card payment on delivery and online",
         "description": "Every order can be paid by card, at the door or on the website.",
         "importance": 5,
         "processes": [pw("supplier", 2), pw("security", 2), pw("availability", 2), pw("incident", 1), pw("change", 1)]},
    ],
    "services": [
        {"id": "svc-website", "name": "Ordering website",
         "description": "Built in-house. Customers order on it; phone staff take phone orders through it.",
         "criticality": 5, "audience": ["external", "internal"], "sourcing": "inhouse", "change_rate": "weekly"},
        {"id": "svc-payment", "name": "Payment system",
         "description": "A card payment product bought from a vendor and customized for online and doorstep payment.",
         "criticality": 5, "audience": ["external"], "sourcing": "bought", "change_rate": "monthly"},
        {"id": "svc-telephony", "name": "Telephony",
         "description": "Order hotline and outlet phones, run by a telecom company.",
         "criticality": 4, "audience": ["external", "internal"], "sourcing": "outsourced", "change_rate": "rarely"},
    ],
    # The strategy: what management decided for each objective, and the
    # services each decision depends on (objective -> decision -> service).
    "strategy": [
        {"id": "d-orders", "objective": "custom-menu",
         "text": "Take orders on the website and by phone, phone staff using the website",
         "services": ["svc-website", "svc-telephony"]},
        {"id": "d-own-pizza", "objective": "custom-menu",
         "text": "Customers build their own pizza online, with prices and allergens from one menu",
         "services": ["svc-website"]},
        {"id": "d-card-door", "objective": "custom-card-payment",
         "text": "Card payment at the door with mobile terminals",
         "services": ["svc-payment"]},
        {"id": "d-card-online", "objective": "custom-card-payment",
         "text": "Card payment online when ordering on the website",
         "services": ["svc-payment", "svc-website"]},
        {"id": "d-50-sites", "objective": "scale-operations",
         "text": "Open 50 delivery points in 18 months on the same website and hotline",
         "services": ["svc-website", "svc-telephony"]},
    ],
    "scope": {
        "financial": {"in_scope": False, "rationale": "IT costs are handled by the group finance team; out of scope for this round."},
        "change": {"target": 3, "rationale": "Weekly website releases during the roll-out of 50 sites: change has to be a defined, shared practice."},
    },
    "participants": [{"id": "p1", "name": "Pizza&Pizza IT team", "answers": answers}],
    "active": "p1",
    "agreed": {},
}
envelope = {
    "format": "itsm-assessment",
    "version": 2,
    "app_version": "0.1.0",
    "catalog": {"id": catalog["id"], "version": catalog["version"]},
    "assessment": assessment,
}
out = ROOT / "data/sample-pizza.json"
out.write_text(json.dumps(envelope, indent=1, ensure_ascii=False) + "\n")
print(f"wrote {out.relative_to(ROOT)}: {len(answers)} answers")
