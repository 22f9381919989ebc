from django.urls import path

from phoihop.council import views

app_name = "council"
S = "ky-hop/<uuid:public_id>/"
A = "noi-dung/<uuid:public_id>/"
R = "nghi-quyet/<uuid:public_id>/"
T = "to-trinh/<uuid:public_id>/"
B = "giao-ban/<uuid:public_id>/"
urlpatterns = [
    path("", views.home_view, name="home"),
    path("ky-hop/", views.session_list_view, name="session_list"),
    path(S, views.session_detail_view, name="session_detail"),
    path(S + "trieu-tap/", views.session_convene_view, name="session_convene"),
    path(S + "noi-dung/", views.session_agenda_add_view, name="session_agenda_add"),
    path(S + "diem-danh/", views.session_attendance_view, name="session_attendance"),
    path(S + "be-mac/", views.session_close_view, name="session_close"),
    path(S + "van-ban/<slug:which>.docx", views.session_document_view, name="session_document"),
    path(S + "bao-cao-thuc-hien/", views.session_implementation_report_view, name="session_impl"),
    path(S + "bao-cao-giua-ky/", views.session_decisions_report_view, name="session_decisions"),
    path(A, views.agenda_detail_view, name="agenda_detail"),
    path(A + "tai-lieu/", views.agenda_paper_view, name="agenda_paper"),
    path(A + "bieu-quyet/", views.agenda_vote_view, name="agenda_vote"),
    path("tai-lieu/<uuid:public_id>/", views.paper_file_view, name="paper_file"),
    path("nghi-quyet/", views.resolution_list_view, name="resolution_list"),
    path(R, views.resolution_detail_view, name="resolution_detail"),
    path(R + "ky/", views.resolution_sign_view, name="resolution_sign"),
    path(R + "cong-bo/", views.resolution_publish_view, name="resolution_publish"),
    path(R + "nhiem-vu/", views.resolution_tasks_view, name="resolution_tasks"),
    path(R + "tep/", views.resolution_file_add_view, name="resolution_file_add"),
    path("nghi-quyet/tep/<uuid:public_id>/", views.resolution_file_view, name="resolution_file"),
    path("nhiem-vu/", views.task_list_view, name="task_list"),
    path("nhiem-vu/<uuid:public_id>/", views.task_detail_view, name="task_detail"),
    path("nhiem-vu/<uuid:public_id>/cap-nhat/", views.task_step_view, name="task_step"),
    path("to-trinh/", views.submission_list_view, name="submission_list"),
    path(T, views.submission_detail_view, name="submission_detail"),
    path(T + "tai-lieu/", views.submission_paper_view, name="submission_paper"),
    path(T + "quyet-dinh/", views.submission_decide_view, name="submission_decide"),
    path(T + "lay-y-kien/", views.consultation_open_view, name="consultation_open"),
    path(T + "phieu/", views.ballot_answer_view, name="ballot_answer"),
    path(T + "kiem-phieu/", views.consultation_close_view, name="consultation_close"),
    path("giao-ban/", views.briefing_list_view, name="briefing_list"),
    path(B, views.briefing_detail_view, name="briefing_detail"),
    path(B + "thanh-phan/", views.briefing_record_view, name="briefing_record"),
    path(B + "ket-luan/", views.briefing_conclude_view, name="briefing_conclude"),
    path(B + "thong-bao.docx", views.briefing_notice_view, name="briefing_notice"),
]
