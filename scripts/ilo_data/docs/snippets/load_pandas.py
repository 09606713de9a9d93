# Python, with pandas: read every column as text and keep "NA" (Namibia) as a value, not a missing one.
import pandas as pd

countries = pd.read_csv("RELEASE/data/countries.csv", dtype=str, keep_default_na=False, na_values=[""])
ratifications = pd.read_csv("RELEASE/data/ratifications.csv", dtype=str, keep_default_na=False, na_values=[""])
per_country = ratifications.merge(countries[["iso3", "name"]], on="iso3").groupby("name").size()
print(per_country)
print("Namibia:", countries.loc[countries.iso3 == "NAM", "iso2"].item())
