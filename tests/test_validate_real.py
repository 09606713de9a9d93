"""The real package passes every layer (skipped only while datapackage.json does not exist)."""
import pytest

from ilo_data.paths import ROOT, descriptor_path
from ilo_data.validate.output import text_line
from ilo_data.validate.runner import validate


@pytest.mark.skipif(not descriptor_path(ROOT).is_file(), reason="no datapackage.json yet: the data is being written")
def test_real_package_is_valid():
    result = validate(ROOT)
    problems = [text_line(p) for p in result.problems.sorted(result.file_order()) if p.severity == "error"]
    assert problems == [], "run `make validate`:\n" + "\n".join(problems[:50])
