# Python, with frictionless (pip install frictionless): types, keys and checksums from the descriptor.
from frictionless import Package

package = Package("RELEASE/datapackage.json")
ratifications = package.get_resource("ratifications").read_rows()
print(len(ratifications), "ratifications, for example", ratifications[0]["iso3"], ratifications[0]["instrument_id"])
report = package.validate()  # files against their schemas, sizes and sha256 hashes
print("valid:", report.valid)
