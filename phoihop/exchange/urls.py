from django.urls import path

from phoihop.exchange import views

app_name = "exchange"
D = "di/<uuid:public_id>/"
C = "den/<uuid:public_id>/"
urlpatterns = [
    path("", views.home_view, name="home"),
    path("gui/", views.dispatch_send_view, name="dispatch_send"),
    path(D, views.dispatch_detail_view, name="dispatch_detail"),
    path(D + "tep/", views.dispatch_file_view, name="dispatch_file"),
    path(C, views.delivery_detail_view, name="delivery_detail"),
    path(C + "vao-so/", views.delivery_register_view, name="delivery_register"),
    path(C + "tra-lai/", views.delivery_return_view, name="delivery_return"),
    path(C + "han/", views.delivery_due_view, name="delivery_due"),
    path(C + "xu-ly/", views.delivery_step_view, name="delivery_step"),
    path("so/", views.register_view, name="registers"),
    path("so.xlsx", views.register_xlsx_view, name="registers_xlsx"),
    path("bao-cao/", views.report_list_view, name="reports"),
    path("bao-cao/so-lieu.xlsx", views.report_xlsx_view, name="report_xlsx"),
    path("bao-cao/lap/", views.report_prepare_view, name="report_prepare"),
    path("bao-cao/<uuid:public_id>/", views.report_detail_view, name="report_detail"),
]
