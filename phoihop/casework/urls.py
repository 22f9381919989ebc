from django.urls import path

from phoihop.casework import views

app_name = "casework"
urlpatterns = [
    path("giam-sat/", views.supervision_overview, name="supervision_overview"),
    path("giam-sat/phan-cong/", views.supervision_assignments, name="supervision_assignments"),
    path("giam-sat/<int:pk>/thu-hoi/", views.supervision_revoke, name="supervision_revoke"),
    path("chuyen/<uuid:public_id>/tu-choi/", views.handover_refuse, name="handover_refuse"),
    path("de-nghi/<uuid:public_id>/", views.follow_up_detail, name="follow_up"),
    path("de-nghi/<uuid:public_id>/tra-loi/", views.follow_up_answer, name="follow_up_answer"),
    path("<str:kind>/<uuid:public_id>/giao/", views.item_assign, name="assign"),
    path("<str:kind>/<uuid:public_id>/theo-doi/", views.item_follow, name="follow"),
    path("<str:kind>/<uuid:public_id>/de-nghi/", views.item_follow_up, name="follow_up_send"),
]
