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
    path("du-thao/<uuid:public_id>/phan-bien/", views.critique_create, name="critique_create"),
    path("phan-bien/<uuid:public_id>/", views.critique_detail, name="critique_detail"),
    path("phan-bien/<uuid:public_id>/y-kien/", views.critique_point_add, name="critique_point"),
    path("phan-bien/<uuid:public_id>/gui/", views.critique_send, name="critique_send"),
    path("phan-bien/<uuid:public_id>/tiep-thu/", views.critique_answer, name="critique_answer"),
    path(
        "phan-bien/<uuid:public_id>/<str:which>.docx",
        views.critique_document,
        name="critique_document",
    ),
    path("de-xuat-lap-phap/", views.rounds, name="rounds"),
    path("de-xuat-lap-phap/<uuid:public_id>/", views.round_detail, name="round_detail"),
    path(
        "de-xuat-lap-phap/<uuid:public_id>/de-xuat/",
        views.proposal_record,
        name="proposal_record",
    ),
    path("de-xuat-lap-phap/<uuid:public_id>/gui/", views.round_send, name="round_send"),
    path(
        "de-xuat-lap-phap/<uuid:public_id>/cong-van.docx",
        views.round_document,
        name="round_document",
    ),
    path("hoi-nghi/<uuid:public_id>/", views.conference_detail, name="conference_detail"),
    path("cong-van/<uuid:public_id>/", views.request_detail, name="request_detail"),
    path("cong-van/<uuid:public_id>/tra-loi/", views.request_answer, name="request_answer"),
    path("cong-van/<uuid:public_id>/van-ban.docx", views.request_document, name="request_document"),
    path("y-kien/<uuid:public_id>/tiep-thu/", views.opinion_respond, name="opinion_respond"),
    path("y-kien/<uuid:public_id>/tach/", views.opinion_split, name="opinion_split"),
]
