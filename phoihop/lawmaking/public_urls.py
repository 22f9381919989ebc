from django.urls import path

from phoihop.lawmaking import public_views

app_name = "lawmaking_public"
urlpatterns = [
    path("", public_views.home, name="home"),
    path("<uuid:public_id>/", public_views.consultation, name="consultation"),
    path("<uuid:public_id>/xac-minh/", public_views.code_request, name="code_request"),
    path(
        "<uuid:public_id>/xac-minh/<uuid:verification>/",
        public_views.code_confirm,
        name="code_confirm",
    ),
    path("<uuid:public_id>/<str:eid>/", public_views.provision, name="provision"),
]
