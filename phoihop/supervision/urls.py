from django.urls import path

from phoihop.supervision import views

app_name = "supervision"
urlpatterns = [
    path("", views.home_view, name="home"),
]
