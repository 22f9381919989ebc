from django.urls import path

from phoihop.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("co-quan/", views.organizations, name="organizations"),
    path("nhat-ky/", views.audit, name="audit"),
    path("thong-bao/", views.notifications, name="notifications"),
    path("thong-bao/<int:pk>/da-doc/", views.notification_read, name="notification_read"),
]
