from django.urls import path

from phoihop.council import public_views

app_name = "council_public"
urlpatterns = [
    path("", public_views.resolutions, name="resolutions"),
    path("<uuid:public_id>/", public_views.resolution, name="resolution"),
    path("ky-hop/", public_views.sessions, name="sessions"),
    path("ky-hop.ics", public_views.sessions_ics, name="sessions_ics"),
    path("ky-hop.atom", public_views.SessionFeed(), name="feed_sessions"),
    path("nghi-quyet.atom", public_views.ResolutionFeed("council"), name="feed_resolutions"),
    path("giua-hai-ky-hop.atom", public_views.ResolutionFeed("standing"), name="feed_decisions"),
    path("tai-lieu/<uuid:public_id>/", public_views.paper_file, name="paper_file"),
    path("tep/<uuid:public_id>/", public_views.resolution_file, name="resolution_file"),
]
