from django.urls import path

from phoihop.lawmaking import views

app_name = "lawmaking"
urlpatterns = [
    path("", views.home, name="home"),
    path("du-thao/<uuid:public_id>/", views.draft_detail, name="draft_detail"),
    path("du-thao/<uuid:public_id>/phien-ban-moi/", views.version_import, name="version_import"),
    path("du-thao/<uuid:public_id>/lay-y-kien/", views.consultation_open, name="consultation_open"),
    path(
        "du-thao/<uuid:public_id>/du-thao-<int:number>/",
        views.version_detail,
        name="version_detail",
    ),
    path(
        "du-thao/<uuid:public_id>/du-thao-<int:number>/<str:eid>/",
        views.provision_detail,
        name="provision_detail",
    ),
    path("dot/<uuid:public_id>/", views.consultation_detail, name="consultation_detail"),
    path("dot/<uuid:public_id>/ket-thuc/", views.consultation_close, name="consultation_close"),
    path("dot/<uuid:public_id>/cong-van/", views.request_send, name="request_send"),
    path("dot/<uuid:public_id>/hoi-nghi/", views.conference_record, name="conference_record"),
    path("dot/<uuid:public_id>/y-kien/", views.comment_enter, name="comment_enter"),
    path("dot/<uuid:public_id>/nhap-tep/", views.comments_import, name="comments_import"),
    path("dot/<uuid:public_id>/mau-nhap.xlsx", views.import_template, name="import_template"),
    path("dot/<uuid:public_id>/gop/", views.merge_start, name="merge_start"),
    path("dot/<uuid:public_id>/gop/<uuid:run>/", views.merge_progress, name="merge_progress"),
    path("dot/<uuid:public_id>/tong-hop/", views.report, name="report"),
    path("dot/<uuid:public_id>/bao-cao.docx", views.report_document, name="report_document"),
    path("dot/<uuid:public_id>/cong-khai/", views.results_publish, name="results_publish"),
    path("hoi-nghi/<uuid:public_id>/", views.conference_detail, name="conference_detail"),
    path("cong-van/<uuid:public_id>/", views.request_detail, name="request_detail"),
    path("cong-van/<uuid:public_id>/tra-loi/", views.request_answer, name="request_answer"),
    path("cong-van/<uuid:public_id>/van-ban.docx", views.request_document, name="request_document"),
    path("y-kien/<uuid:public_id>/tiep-thu/", views.opinion_respond, name="opinion_respond"),
    path("y-kien/<uuid:public_id>/tach/", views.opinion_split, name="opinion_split"),
]
