from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from phoihop.api import views

app_name = "api"
router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("persons", views.PersonViewSet, basename="person")
router.register("memberships", views.MembershipViewSet, basename="membership")
router.register("notifications", views.NotificationViewSet, basename="notification")

urlpatterns = [
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    path("docs", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("me", views.me, name="me"),
    path("popolo", views.popolo, name="popolo"),
    *router.urls,
]
