from django.urls import path

from phoihop.elections import views

app_name = "elections_public"
urlpatterns = [
    path("", views.public_list_view, name="list"),
    path("<uuid:public_id>/", views.public_results_view, name="results"),
    path("<uuid:public_id>/nist.json", views.public_nist_view, name="nist"),
]
