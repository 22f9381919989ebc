from django.urls import path

from phoihop.voters import views

app_name = "voters"
urlpatterns = [
    path("", views.session_list, name="session_list"),
    path("ky-hop/them/", views.session_create, name="session_create"),
    path("ky-hop/<uuid:public_id>/", views.session_detail, name="session_detail"),
    path("ky-hop/<uuid:public_id>/hoi-nghi/them/", views.meeting_create, name="meeting_create"),
    path(
        "ky-hop/<uuid:public_id>/kenh-khac/",
        views.session_channel_petitions,
        name="session_channel_petitions",
    ),
    path(
        "ky-hop/<uuid:public_id>/tu-don/",
        views.session_letter_petition,
        name="session_letter_petition",
    ),
    path("ky-hop/<uuid:public_id>/tong-hop/", views.review, name="review"),
    path("ky-hop/<uuid:public_id>/tong-hop/chay/", views.review_run, name="review_run"),
    path("ky-hop/<uuid:public_id>/bao-cao/", views.report_issue, name="report_issue"),
    path(
        "ky-hop/<uuid:public_id>/bao-cao/<uuid:document_id>/",
        views.report_download,
        name="report_download",
    ),
    path("ky-hop/<uuid:public_id>/thong-ke/", views.statistics, name="statistics"),
    path(
        "ky-hop/<uuid:public_id>/tra-loi-cu-tri/", views.answers_printable, name="answers_printable"
    ),
    path("ky-hop/<uuid:public_id>/thong-ke.xlsx", views.statistics_xlsx, name="statistics_xlsx"),
    path("tien-do/<uuid:public_id>/", views.run_progress, name="run_progress"),
    path("hoi-nghi/<uuid:public_id>/", views.meeting_detail, name="meeting_detail"),
    path(
        "hoi-nghi/<uuid:public_id>/kien-nghi/",
        views.meeting_petition_add,
        name="meeting_petition_add",
    ),
    path(
        "hoi-nghi/<uuid:public_id>/nhap-tep/",
        views.meeting_petition_import,
        name="meeting_petition_import",
    ),
    path(
        "hoi-nghi/<uuid:public_id>/dan/",
        views.meeting_petition_paste,
        name="meeting_petition_paste",
    ),
    path("hoi-nghi/<uuid:public_id>/bien-ban/", views.meeting_minutes, name="meeting_minutes"),
    path("hoi-nghi/<uuid:public_id>/phan-hoi/", views.meeting_feedback, name="meeting_feedback"),
    path("kien-nghi/<uuid:public_id>/", views.consolidated_detail, name="consolidated_detail"),
    path("kien-nghi/<uuid:public_id>/duyet/", views.group_accept, name="group_accept"),
    path("kien-nghi/<uuid:public_id>/tach/", views.group_split, name="group_split"),
    path("kien-nghi/<uuid:public_id>/gop/", views.group_merge, name="group_merge"),
    path("kien-nghi/<uuid:public_id>/y-kien/", views.group_opinions, name="group_opinions"),
    path("kien-nghi/<uuid:public_id>/sua/", views.group_rename, name="group_rename"),
    path("kien-nghi/<uuid:public_id>/phan-loai/", views.group_classify, name="group_classify"),
    path("kien-nghi/<uuid:public_id>/chuyen/", views.consolidated_route, name="consolidated_route"),
    path(
        "kien-nghi/<uuid:public_id>/tra-loi/", views.consolidated_answer, name="consolidated_answer"
    ),
    path("y-kien/<uuid:public_id>/chuyen-nhom/", views.petition_move, name="petition_move"),
    path("y-kien/<uuid:public_id>/phan-loai/", views.petition_mark, name="petition_mark"),
    path("chuyen-den/", views.inbox, name="inbox"),
    path("chuyen-den/<uuid:public_id>/nhan/", views.inbox_acknowledge, name="inbox_acknowledge"),
    path("qua-han/", views.overdue, name="overdue"),
]
