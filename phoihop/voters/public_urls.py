from django.urls import path

from phoihop.voters import public_views

app_name = "voters_public"
urlpatterns = [
    path("", public_views.meetings, name="meetings"),
    path("tra-loi/", public_views.answers, name="answers"),
    path("lich.ics", public_views.meetings_ics, name="meetings_ics"),
]
