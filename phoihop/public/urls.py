from django.urls import path

from phoihop.public import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("gui-don/", views.letter_submit, name="letter_submit"),
    path("gui-don/da-nhan/<str:tracking_code>/", views.letter_receipt, name="letter_receipt"),
    path("tra-cuu/", views.letter_status, name="letter_status"),
    path("lich-tiep-cong-dan/", views.schedules, name="schedules"),
    path("lich-tiep-cong-dan.ics", views.schedules_ics, name="schedules_ics"),
    path("nhan-tin/", views.subscribe, name="subscribe"),
    path(
        "nhan-tin/xac-nhan/<str:token>/",
        views.subscription_confirm_view,
        name="subscription_confirm",
    ),
    path("nhan-tin/huy/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
