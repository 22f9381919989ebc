"""Types the shared modules share."""

from django.contrib.auth.models import AbstractUser, AnonymousUser

# Who views or acts: a signed-in account (``accounts.User``, which ``core`` may not name) or
# nobody (``AnonymousUser``). Both answer ``is_authenticated``, ``is_active``, ``is_superuser``.
Account = AbstractUser | AnonymousUser
