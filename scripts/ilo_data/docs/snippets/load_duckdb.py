# Python, with DuckDB (pip install duckdb): query the CSV files in place, all columns as text.
import duckdb

print(duckdb.sql("""
    SELECT c.name, COUNT(*) AS recorded
    FROM read_csv('RELEASE/data/ratifications.csv', all_varchar = true, nullstr = '') AS r
    JOIN read_csv('RELEASE/data/countries.csv', all_varchar = true, nullstr = '') AS c USING (iso3)
    GROUP BY c.name ORDER BY c.name
"""))
