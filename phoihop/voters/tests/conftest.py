import pytest

from phoihop.testing import grant, make_user
from phoihop.voters.tests.factories import body, commune


@pytest.fixture
def bodies(tree):
    """The bodies of voter contact on top of the test tree (``tree.other`` is the provincial
    People's Committee)."""
    hoa_an = commune("T-01", "xã Hòa An")
    commune("T-02", "xã Phú Lâm")
    return {
        "delegation": body("doan-dbqh", "Đoàn ĐBQH tỉnh", "na_delegation"),
        "standing": body("tt-hdnd", "Thường trực HĐND tỉnh", "council_standing"),
        "front": body("mttq", "Ủy ban MTTQ Việt Nam tỉnh", "front"),
        "ubnd": tree.other,
        "ubnd_xa": body("ubnd-hoa-an", "UBND xã Hòa An", "people_committee", hoa_an),
    }


@pytest.fixture
def secretary(bodies):
    user = make_user("thu.ky", full_name="Thư ký Đoàn")
    grant(user, "specialist", bodies["delegation"])
    return user
