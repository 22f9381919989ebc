from django.urls import path

from phoihop.public import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("lich-tiep-cong-dan/", views.schedules, name="schedules"),
    path("lich-tiep-cong-dan.ics", views.schedules_ics, name="schedules_ics"),
]
