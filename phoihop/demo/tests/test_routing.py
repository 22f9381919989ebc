"""Every body a citizen or a clerk can address has someone to receive its letters."""

import uuid

from phoihop.access.grants import organization_has_holder
from phoihop.accounts.models import User
from phoihop.demo.loader import demo_load
from phoihop.letters.selectors import letter_list
from phoihop.letters.services import Sender
from phoihop.organizations.models import Organization
from phoihop.organizations.selectors import letters_office
from phoihop.public.forms import PublicLetterForm
from phoihop.public.services import public_letter_submit


def test_every_addressable_body_of_the_demo_province_has_a_receiver(db):
    # given the demo province
    demo_load()
    portal_choices = list(PublicLetterForm().fields["organization"].queryset)
    bodies = list(Organization.objects.filter(valid_to__isnull=True))
    assert {o.code for o in portal_choices} >= {"hdnd", "ubnd", "mttq", "doan-dbqh"}

    # then each, routed to the office that staffs it, has an account that may register letters
    nobody = [
        f"{o.name} → {letters_office(o).name}"
        for o in [*portal_choices, *bodies]
        if not organization_has_holder(letters_office(o), "letters.add_letter")
    ]
    assert nobody == []


def test_a_portal_letter_to_the_council_lands_in_the_standing_committee_register(db):
    demo_load()
    for code, clerk in (("hdnd", "hdnd.vanthu"), ("mttq", "mttq.vanthu")):
        body = Organization.objects.get(code=code)
        receipt = public_letter_submit(
            organization=body,
            idempotency_key=uuid.uuid4(),
            sender=Sender(full_name="Võ Thị Lan", address="xã Phú Lâm"),
            content=f"Kiến nghị gửi {body.short_name} về việc sửa chữa cầu treo thôn 3.",
        )
        letters = letter_list(viewer=User.objects.get(username=clerk))
        assert letters.filter(public_id=receipt.submission.letter_public_id).exists()
