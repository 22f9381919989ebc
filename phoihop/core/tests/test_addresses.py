"""An address put into a text names its place once."""

from phoihop.core.addresses import put_address


def test_the_places_after_an_address_that_it_names_are_left_out():
    text = "Tôi trú tại [A], phường Mộc, tỉnh Hà Giang. Kiến nghị sửa cầu."
    address = "Số 9 ngõ 4, Phường Mộc, tỉnh Hà Giang"
    assert put_address(text, "[A]", address) == (
        "Tôi trú tại Số 9 ngõ 4, Phường Mộc, tỉnh Hà Giang. Kiến nghị sửa cầu."
    )


def test_a_place_the_address_does_not_name_stays():
    text = "Trú tại [A], phường Mộc, nay ở [A], xã Đồng Văn."
    assert put_address(text, "[A]", "Số 9, phường Mộc") == (
        "Trú tại Số 9, phường Mộc, nay ở Số 9, phường Mộc, xã Đồng Văn."
    )
    # A clause that only begins like the place is not the place.
    text = "Trú tại [A], phường Mộc và ông Bình cùng ký."
    assert put_address(text, "[A]", "Số 9, phường Mộc") == (
        "Trú tại Số 9, phường Mộc, phường Mộc và ông Bình cùng ký."
    )
