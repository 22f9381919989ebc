"""``{% if user|may_anywhere:"app.perm" %}``: offer a link only to an account that may follow it."""

from django import template

from phoihop.access.grants import has_permission_anywhere

register = template.Library()


@register.filter
def may_anywhere(user, permission: str) -> bool:
    return bool(user and user.is_authenticated and has_permission_anywhere(user, permission))
