from django.urls import path

from phoihop.documents import views

app_name = "documents"
urlpatterns = [
    path("<uuid:public_id>/", views.document_detail, name="detail"),
    path("<uuid:public_id>/tai-ve/", views.document_download, name="download"),
]
