from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("phoihop.api.urls")),
    path("khoa-api/", include("phoihop.api.web_urls")),
    path("lich/", include("phoihop.deadlines.urls")),
    path("don/", include("phoihop.letters.urls")),
    path("van-ban/", include("phoihop.documents.urls")),
    path("viec/", include("phoihop.casework.urls")),
    path("tiep-cong-dan/", include("phoihop.reception.urls")),
    path("giam-sat/", include("phoihop.supervision.urls")),
    path("cu-tri/", include("phoihop.voters.urls")),
    path("cong-dan/cu-tri/", include("phoihop.voters.public_urls")),
    path("cong-dan/", include("phoihop.public.urls")),
    path("bau-cu/", include("phoihop.elections.urls")),
    path("hdnd/", include("phoihop.council.urls")),
    path("cong-khai/nghi-quyet/", include("phoihop.council.public_urls")),
    path("gop-y-du-thao/", include("phoihop.lawmaking.urls")),
    path("trao-doi/", include("phoihop.exchange.urls")),
    path("cong-dan/gop-y/", include("phoihop.lawmaking.public_urls")),
    path("ket-qua-bau-cu/", include("phoihop.elections.public_urls")),
    path("", include("phoihop.accounts.urls")),
    path("", include("phoihop.web.urls")),
]
