"""The benchmark's synthetic packages are valid packages of the fixture's shape (the benchmark
itself runs with `make bench`, not here)."""
from ilo_data.bench import generate
from ilo_data.validate.runner import validate


def test_small_synthetic_package_is_valid(tmp_path):
    root = generate(tmp_path / "bench", 5_000)
    result = validate(root)
    assert result.valid, [p.as_dict() for p in result.problems.items[:10]]
    assert result.scans["ratifications"].rows == 5_000
