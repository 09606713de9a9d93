# R: read every column as text; na.strings = "" so that "NA" (Namibia) stays a value.
countries <- read.csv("RELEASE/data/countries.csv", colClasses = "character", na.strings = "", encoding = "UTF-8")
ratifications <- read.csv("RELEASE/data/ratifications.csv", colClasses = "character", na.strings = "", encoding = "UTF-8")
merged <- merge(ratifications, countries[, c("iso3", "name")], by = "iso3")
print(table(merged$name))
print(countries[countries$iso3 == "NAM", "iso2"])
