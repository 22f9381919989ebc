from django.urls import path

from phoihop.letters import views

app_name = "letters"
urlpatterns = [
    path("", views.letter_list, name="list"),
    path("vao-so/", views.letter_register, name="register"),
    path("tim-nguoi-gui/", views.sender_search, name="sender_search"),
    path("chuyen-den/", views.forwarding_inbox, name="forwarding_inbox"),
    path(
        "chuyen-den/<uuid:public_id>/xac-nhan/",
        views.forwarding_acknowledge,
        name="forwarding_acknowledge",
    ),
    path("giam-sat/", views.supervision, name="supervision"),
    path("thong-ke/", views.statistics, name="statistics"),
    path("thong-ke/bao-cao/", views.statistics_report, name="statistics_report"),
    path("<uuid:public_id>/", views.letter_detail, name="detail"),
    path("<uuid:public_id>/phan-loai/", views.letter_classify, name="classify"),
    path("<uuid:public_id>/phan-loai-lai/", views.letter_reclassify, name="reclassify"),
    path("<uuid:public_id>/tach/", views.letter_split, name="split"),
    path("<uuid:public_id>/xu-ly/", views.letter_outcome, name="outcome"),
    path("<uuid:public_id>/thu-ly/", views.letter_accept, name="accept"),
    path("<uuid:public_id>/buoc/", views.letter_step, name="step"),
    path("<uuid:public_id>/danh-tinh/", views.letter_identity, name="identity"),
    path(
        "<uuid:public_id>/danh-tinh/danh-dau/",
        views.letter_identity_mark,
        name="identity_mark",
    ),
    path("<uuid:public_id>/van-ban/<uuid:document_id>/", views.letter_document, name="document"),
]
