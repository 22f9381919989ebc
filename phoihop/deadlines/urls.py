from django.urls import path

from phoihop.deadlines import views

app_name = "deadlines"

urlpatterns = [
    path("ngay-nghi.ics", views.days_off_feed, name="days_off_feed"),
    path("thoi-han.ics", views.my_deadlines_feed, name="my_deadlines_feed"),
    path("thoi-han/<str:key>.ics", views.token_deadlines_feed, name="token_deadlines_feed"),
]
