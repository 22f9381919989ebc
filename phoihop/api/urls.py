from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from phoihop.api import views
from phoihop.casework.api import views as casework_api
from phoihop.council.api import views as council_api
from phoihop.elections.api import views as elections_api
from phoihop.exchange.api import views as exchange_api
from phoihop.lawmaking.api import views as lawmaking_api
from phoihop.letters.api import views as letters_api
from phoihop.reception.api import views as reception_api
from phoihop.supervision.api import views as supervision_api
from phoihop.voters.api import views as voters_api

app_name = "api"
router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("persons", views.PersonViewSet, basename="person")
router.register("memberships", views.MembershipViewSet, basename="membership")
router.register("notifications", views.NotificationViewSet, basename="notification")
router.register("letters", letters_api.LetterViewSet, basename="letter")
router.register("forwardings", letters_api.ForwardingViewSet, basename="forwarding")
router.register("follow-ups", casework_api.FollowUpViewSet, basename="follow-up")
router.register(
    "reception-schedules", reception_api.PublishedScheduleViewSet, basename="reception-schedule"
)
router.register("reception-visits", reception_api.VisitViewSet, basename="reception-visit")
router.register(
    "supervision-recommendations",
    supervision_api.RecommendationViewSet,
    basename="supervision-recommendation",
)
for prefix, viewset, basename in supervision_api.ROUTES:
    router.register(prefix, viewset, basename=basename)
router.register("voter-meetings", voters_api.MeetingViewSet, basename="voter-meeting")
router.register(
    "voter-meetings-upcoming", voters_api.PublicMeetingViewSet, basename="voter-meeting-upcoming"
)
router.register("voter-petitions", voters_api.ConsolidatedViewSet, basename="voter-petition")
router.register("voter-answers", voters_api.PublicAnswerViewSet, basename="voter-answer")
router.register("elections", elections_api.ElectionViewSet, basename="election")
router.register("council-tasks", council_api.TaskViewSet, basename="council-task")
router.register(
    "council-resolutions", council_api.PublicResolutionViewSet, basename="council-resolution"
)
router.register("consultations", lawmaking_api.ConsultationViewSet, basename="consultation")
for prefix, viewset, basename in exchange_api.ROUTES:
    router.register(prefix, viewset, basename=basename)
router.register("critiques", lawmaking_api.CritiqueViewSet, basename="critique")
router.register(
    "legislative-proposals", lawmaking_api.ProposalRoundViewSet, basename="proposalround"
)
router.register("election-contests", elections_api.ContestViewSet, basename="election-contest")

urlpatterns = [
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    path("docs", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("me", views.me, name="me"),
    path("popolo", views.popolo, name="popolo"),
    path("letter-statistics", letters_api.letter_statistics_view, name="letter-statistics"),
    *router.urls,
    # Anything else under /api/ answers in the API's own shape, not with the site's HTML page
    # (``[\s\S]``, not ``.``: a path with a line break, %0A, too).
    re_path(r"^[\s\S]*$", views.not_found, name="not-found"),
]
