from django.urls import path

from phoihop.reception import views

app_name = "reception"
urlpatterns = [
    path("", views.visit_list_view, name="visit_list"),
    path("vao-so/", views.visit_create_view, name="visit_create"),
    path("luot/<uuid:public_id>/", views.visit_detail_view, name="visit_detail"),
    path("luot/<uuid:public_id>/tra-loi/", views.visit_answer_view, name="visit_answer"),
    path("luot/<uuid:public_id>/phieu/", views.visit_slip_view, name="visit_slip"),
    path(
        "luot/<uuid:public_id>/cong-dan/<int:position>/danh-tinh/",
        views.visit_citizen_identity_view,
        name="visit_citizen_identity",
    ),
    path("lich/", views.schedule_list_view, name="schedule_list"),
    path("lich/them/", views.schedule_create_view, name="schedule_create"),
]
