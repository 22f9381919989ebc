from django.urls import path

from phoihop.accounts import views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.sign_in, name="login"),
    path("dang-nhap/ma-demo/", views.demo_codes, name="demo_codes"),
    path("dang-xuat/", views.sign_out, name="logout"),
]
