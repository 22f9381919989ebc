from django.urls import path

from phoihop.council import public_views

app_name = "council_public"
urlpatterns = [
    path("", public_views.resolutions, name="resolutions"),
    path("<uuid:public_id>/", public_views.resolution, name="resolution"),
    path("ky-hop/", public_views.sessions, name="sessions"),
    path("ky-hop.ics", public_views.sessions_ics, name="sessions_ics"),
]
