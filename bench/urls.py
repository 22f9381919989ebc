"""The application's URLs plus a bare view: the floor every measured page is compared with."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), path("", include("phoihop.urls"))]
