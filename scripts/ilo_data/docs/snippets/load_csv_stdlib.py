# Python, standard library only: every value is a string; "" is the only missing value.
import csv

with open("RELEASE/data/countries.csv", encoding="utf-8", newline="") as handle:
    countries = {row["iso3"]: row for row in csv.DictReader(handle)}
print(len(countries), "member States; Namibia's iso2 is", repr(countries["NAM"]["iso2"]))
