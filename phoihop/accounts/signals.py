"""Remember which sessions an account holds (infrastructure, not domain flow)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from phoihop.accounts.models import UserSession


@receiver(user_logged_in)
def remember_session(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    if not request.session.session_key:
        request.session.save()
    request.session["signed_in_at"] = timezone.now().timestamp()
    UserSession.objects.get_or_create(user=user, session_key=request.session.session_key)
