from django.urls import path

from phoihop.web import staff_views, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("co-quan/", views.organizations, name="organizations"),
    path("nhat-ky/", views.audit, name="audit"),
    path("thong-bao/", views.notifications, name="notifications"),
    path("thong-bao/<int:pk>/da-doc/", views.notification_read, name="notification_read"),
    path("quan-tri/tai-khoan/", staff_views.account_list, name="staff_list"),
    path("quan-tri/tai-khoan/them/", staff_views.account_create, name="staff_create"),
    path("quan-tri/tai-khoan/<int:pk>/", staff_views.account_detail, name="staff_detail"),
    path("quan-tri/tai-khoan/<int:pk>/cap-quyen/", staff_views.account_grant, name="staff_grant"),
    path(
        "quan-tri/tai-khoan/<int:pk>/thu-hoi/<int:grant_id>/",
        staff_views.account_revoke,
        name="staff_revoke",
    ),
    path(
        "quan-tri/tai-khoan/<int:pk>/ma-xac-thuc/",
        staff_views.account_totp_reset,
        name="staff_totp_reset",
    ),
    path("quan-tri/tai-khoan/<int:pk>/khoa/", staff_views.account_active, name="staff_active"),
]
