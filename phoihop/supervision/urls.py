from django.urls import path

from phoihop.supervision import views

app_name = "supervision"
urlpatterns = [
    path("", views.home_view, name="home"),
    path("cong-khai/", views.public_conclusions_view, name="public_conclusions"),
    path("kien-nghi/", views.recommendation_list_view, name="recommendation_list"),
    path(
        "kien-nghi/<uuid:public_id>/",
        views.recommendation_detail_view,
        name="recommendation_detail",
    ),
    path(
        "kien-nghi/<uuid:public_id>/cap-nhat/",
        views.recommendation_step_view,
        name="recommendation_step",
    ),
    path("chuong-trinh/", views.programme_list_view, name="programme_list"),
    path("ke-hoach/", views.plan_list_view, name="plan_list"),
    path("ke-hoach/<uuid:public_id>/", views.plan_detail_view, name="plan_detail"),
    path(
        "ke-hoach/<uuid:public_id>/thanh-vien/", views.plan_member_add_view, name="plan_member_add"
    ),
    path(
        "ke-hoach/<uuid:public_id>/de-nghi-bao-cao/",
        views.plan_report_request_view,
        name="plan_report_request",
    ),
    path("ke-hoach/<uuid:public_id>/lam-viec/", views.plan_visit_view, name="plan_visit"),
    path("ke-hoach/<uuid:public_id>/ket-luan/", views.plan_conclude_view, name="plan_conclude"),
    path("ke-hoach/<uuid:public_id>/cong-khai/", views.plan_publish_view, name="plan_publish"),
    path(
        "ke-hoach/<uuid:public_id>/van-ban/<slug:which>.docx",
        views.plan_document_view,
        name="plan_document",
    ),
    path("bao-cao/<uuid:public_id>/", views.report_detail_view, name="report_detail"),
    path("chat-van/", views.sitting_list_view, name="sitting_list"),
    path("chat-van/phien/<uuid:public_id>/", views.sitting_detail_view, name="sitting_detail"),
    path("chat-van/<uuid:public_id>/", views.question_detail_view, name="question_detail"),
    path("chat-van/<uuid:public_id>/tra-loi/", views.question_answer_view, name="question_answer"),
    path(
        "chat-van/<uuid:public_id>/van-ban/",
        views.question_to_writing_view,
        name="question_to_writing",
    ),
    path("chat-van/<uuid:public_id>/y-kien/", views.question_assess_view, name="question_assess"),
    path("loi-hua/", views.pledge_list_view, name="pledge_list"),
    path("loi-hua/<uuid:public_id>/", views.pledge_detail_view, name="pledge_detail"),
    path("loi-hua/<uuid:public_id>/cap-nhat/", views.pledge_step_view, name="pledge_step"),
]
