from django.urls import path

from phoihop.elections import views

app_name = "elections"
urlpatterns = [
    path("", views.election_list_view, name="list"),
    path("tao/", views.election_create_view, name="create"),
    path("<uuid:public_id>/", views.election_detail_view, name="detail"),
    path("<uuid:public_id>/don-vi/them/", views.contest_create_view, name="contest_create"),
    path("<uuid:public_id>/to-chuc/them/", views.body_create_view, name="body_create"),
    path("<uuid:public_id>/hiep-thuong/", views.consultation_view, name="consultation"),
    path("<uuid:public_id>/kiem-tra/", views.audit_queue_view, name="audit_queue"),
    path("<uuid:public_id>/cong-bo/", views.publish_view, name="publish"),
    path("<uuid:public_id>/bao-cao.docx", views.report_docx_view, name="report_docx"),
    path("<uuid:public_id>/ket-qua.xlsx", views.report_xlsx_view, name="report_xlsx"),
    path("<uuid:public_id>/nist.json", views.nist_view, name="nist"),
    path("don-vi/<uuid:public_id>/", views.contest_view, name="contest"),
    path("don-vi/<uuid:public_id>/ung-cu/", views.nominate_view, name="nominate"),
    path("don-vi/<uuid:public_id>/khu-vuc/them/", views.area_create_view, name="area_create"),
    path("don-vi/<uuid:public_id>/bien-ban/<int:number>/", views.protocol_view, name="protocol"),
    path(
        "don-vi/<uuid:public_id>/bien-ban/<int:number>/kiem-tra/",
        views.protocol_resolve_view,
        name="protocol_resolve",
    ),
    path("don-vi/<uuid:public_id>/kiem-phieu/", views.tabulate_view, name="tabulate"),
    path(
        "don-vi/<uuid:public_id>/danh-sach-cu-tri/niem-yet/",
        views.voter_list_post_view,
        name="voter_list_post",
    ),
    path(
        "don-vi/<uuid:public_id>/phieu-bau/giao/",
        views.ballots_deliver_view,
        name="ballots_deliver",
    ),
    path(
        "don-vi/<uuid:public_id>/danh-sach-cu-tri/sua/",
        views.voter_list_change_view,
        name="voter_list_change",
    ),
    path(
        "don-vi/<uuid:public_id>/danh-sach-cu-tri/khieu-nai/",
        views.complaint_create_view,
        name="complaint_create",
    ),
    path("khieu-nai/<uuid:public_id>/", views.complaint_view, name="complaint"),
    path(
        "khieu-nai/<uuid:public_id>/giai-quyet/",
        views.complaint_resolve_view,
        name="complaint_resolve",
    ),
    path("ung-cu-vien/<uuid:public_id>/", views.candidate_view, name="candidate"),
    path("ung-cu-vien/<uuid:public_id>/hoi-nghi-cu-tri/", views.conference_view, name="conference"),
]
