# Python, standard library only: the SQLite database, one table per resource.
import sqlite3

con = sqlite3.connect("RELEASE/PACKAGE_NAME.sqlite")
con.execute("PRAGMA foreign_keys = ON")
query = """
    SELECT c.name, COUNT(*) AS recorded
    FROM ratifications AS r JOIN countries AS c ON c.iso3 = r.iso3
    GROUP BY c.name ORDER BY c.name
"""
for name, recorded in con.execute(query):
    print(f"{name}: {recorded}")
