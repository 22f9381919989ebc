from django.urls import path

from phoihop.api import web_views

app_name = "api_tokens"
urlpatterns = [
    path("", web_views.token_list, name="list"),
    path("<int:pk>/thu-hoi/", web_views.token_revoke, name="revoke"),
]
