"""Export of persons, organizations and memberships in the Popolo JSON format
(https://www.popoloproject.com/specs/), built only from selectors."""

from phoihop.organizations.selectors import membership_list, organization_list, person_list


def _id(prefix: str, public_id) -> str:
    return f"{prefix}/{public_id}"


def popolo_export(*, viewer) -> dict:
    """A Popolo document with what *viewer* may see. Personal contact data is left out."""
    organizations = [
        {
            "id": _id("organization", org.public_id),
            "name": org.name,
            "other_names": [{"name": org.short_name, "note": "short"}],
            "identifiers": [{"identifier": org.code, "scheme": "phoihop"}],
            "classification": org.kind,
            "parent_id": _id("organization", org.parent.public_id) if org.parent else None,
            "area_id": f"area/{org.admin_unit.code}",
            "founding_date": org.valid_from.isoformat(),
            "dissolution_date": org.valid_to.isoformat() if org.valid_to else None,
        }
        for org in organization_list(viewer=viewer)
    ]
    persons = [
        {
            "id": _id("person", p.public_id),
            "name": p.full_name,
            **({"gender": p.gender} if p.gender else {}),
        }
        for p in person_list(viewer=viewer)
    ]
    memberships = [
        {
            "id": f"membership/{m.pk}",
            "person_id": _id("person", m.person.public_id),
            "organization_id": _id("organization", m.organization.public_id),
            "role": m.label,
            **({"post_id": f"post/{m.post_id}"} if m.post_id else {}),
            "start_date": m.starts_on.isoformat(),
            **({"end_date": m.ends_on.isoformat()} if m.ends_on else {}),
        }
        for m in membership_list(viewer=viewer)
    ]
    return {"persons": persons, "organizations": organizations, "memberships": memberships}
