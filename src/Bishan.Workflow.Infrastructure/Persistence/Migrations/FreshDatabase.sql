CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "WorkflowBookmarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowBookmarks" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Key" TEXT NULL,
    "CorrelationId" TEXT NULL,
    "ActivityId" TEXT NOT NULL,
    "NodeId" TEXT NOT NULL,
    "ActivityType" TEXT NOT NULL,
    "ResumeAtUtc" TEXT NULL,
    "PayloadJson" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL
);

CREATE TABLE "WorkflowDefinitionVersions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowDefinitionVersions" PRIMARY KEY,
    "DefinitionId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Json" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "IsPublished" INTEGER NOT NULL,
    "IsLatest" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "PublishedAtUtc" TEXT NULL
);

CREATE TABLE "WorkflowIncidents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowIncidents" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "NodeId" TEXT NOT NULL,
    "ActivityType" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "Code" TEXT NULL,
    "TimestampUtc" TEXT NOT NULL
);

CREATE TABLE "WorkflowInstances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowInstances" PRIMARY KEY,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "DefinitionVersionId" TEXT NOT NULL,
    "CorrelationId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "SubStatus" TEXT NOT NULL,
    "StateJson" TEXT NOT NULL,
    "VariablesJson" TEXT NULL,
    "OutputJson" TEXT NULL,
    "TriggerNodeId" TEXT NULL,
    "TriggerInputJson" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "FinishedAtUtc" TEXT NULL,
    "ConcurrencyToken" INTEGER NOT NULL
);

CREATE TABLE "WorkflowJournal" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkflowJournal" PRIMARY KEY AUTOINCREMENT,
    "InstanceId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "NodeId" TEXT NOT NULL,
    "ActivityType" TEXT NOT NULL,
    "ActivityName" TEXT NULL,
    "EventName" TEXT NOT NULL,
    "Message" TEXT NULL,
    "Error" TEXT NULL,
    "TimestampUtc" TEXT NOT NULL
);

CREATE TABLE "WorkflowResumedBookmarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowResumedBookmarks" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "ResumedAtUtc" TEXT NOT NULL
);

CREATE TABLE "WorkflowTriggers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowTriggers" PRIMARY KEY,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "NodeId" TEXT NOT NULL,
    "ActivityType" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Key" TEXT NULL,
    "PayloadJson" TEXT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_WorkflowBookmarks_InstanceId" ON "WorkflowBookmarks" ("InstanceId");

CREATE INDEX "IX_WorkflowBookmarks_Name_Key" ON "WorkflowBookmarks" ("Name", "Key");

CREATE INDEX "IX_WorkflowBookmarks_ResumeAtUtc" ON "WorkflowBookmarks" ("ResumeAtUtc");

CREATE INDEX "IX_WorkflowDefinitionVersions_DefinitionId_IsLatest" ON "WorkflowDefinitionVersions" ("DefinitionId", "IsLatest");

CREATE INDEX "IX_WorkflowDefinitionVersions_DefinitionId_IsPublished" ON "WorkflowDefinitionVersions" ("DefinitionId", "IsPublished");

CREATE UNIQUE INDEX "IX_WorkflowDefinitionVersions_DefinitionId_Version" ON "WorkflowDefinitionVersions" ("DefinitionId", "Version");

CREATE INDEX "IX_WorkflowIncidents_InstanceId" ON "WorkflowIncidents" ("InstanceId");

CREATE INDEX "IX_WorkflowInstances_CorrelationId" ON "WorkflowInstances" ("CorrelationId");

CREATE INDEX "IX_WorkflowInstances_CreatedAtUtc" ON "WorkflowInstances" ("CreatedAtUtc");

CREATE INDEX "IX_WorkflowInstances_DefinitionId_Status" ON "WorkflowInstances" ("DefinitionId", "Status");

CREATE INDEX "IX_WorkflowInstances_SubStatus" ON "WorkflowInstances" ("SubStatus");

CREATE UNIQUE INDEX "IX_WorkflowJournal_InstanceId_Sequence" ON "WorkflowJournal" ("InstanceId", "Sequence");

CREATE INDEX "IX_WorkflowResumedBookmarks_InstanceId" ON "WorkflowResumedBookmarks" ("InstanceId");

CREATE INDEX "IX_WorkflowTriggers_DefinitionId" ON "WorkflowTriggers" ("DefinitionId");

CREATE INDEX "IX_WorkflowTriggers_Name_Key" ON "WorkflowTriggers" ("Name", "Key");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128152904_InitialWorkflowStore', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AspNetUsers" ADD "OrgUnitId" TEXT NULL;

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NULL,
    "UserName" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "Detail" TEXT NULL,
    "IpAddress" TEXT NULL,
    "AtUtc" TEXT NOT NULL
);

CREATE TABLE "BudgetLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetLines" PRIMARY KEY AUTOINCREMENT,
    "Year" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "AmountFen" INTEGER NOT NULL,
    "Notes" TEXT NULL
);

CREATE TABLE "Cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Cases" PRIMARY KEY,
    "FileNumber" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "DateOfBirth" TEXT NOT NULL,
    "IdNumber" TEXT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "PrimaryAction" TEXT NULL,
    "Tags" TEXT NOT NULL,
    "Tier" TEXT NULL,
    "CoordinatingBodyId" TEXT NULL,
    "CarriedOutById" TEXT NULL,
    "CaseworkerUserId" TEXT NULL,
    "ReferralReason" TEXT NULL,
    "SuggestedAction" TEXT NULL,
    "Source" TEXT NULL,
    "DuplicateOverrideReason" TEXT NULL,
    "PlanGoals" TEXT NULL,
    "PlanMeasures" TEXT NULL,
    "PlanUpdatedAtUtc" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "RegisteredAtUtc" TEXT NULL,
    "ExitedAtUtc" TEXT NULL,
    "ClosedAtUtc" TEXT NULL,
    "CloseReason" TEXT NULL,
    "RegistrationCount" INTEGER NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "ConcurrencyToken" INTEGER NOT NULL
);

CREATE TABLE "Helpers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Helpers" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OrgUnitId" TEXT NULL,
    "TeamName" TEXT NULL,
    "Phone" TEXT NULL,
    "Specialty" TEXT NULL,
    "Active" INTEGER NOT NULL
);

CREATE TABLE "Meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    "ScheduledAtUtc" TEXT NOT NULL,
    "InstanceId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Minutes" TEXT NULL,
    "Attendance" TEXT NULL,
    "HeldAtUtc" TEXT NULL,
    "ReportTitle" TEXT NULL,
    "ReportText" TEXT NULL,
    "ReportRecipients" TEXT NULL,
    "ReportGeneratedAtUtc" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL
);

CREATE TABLE "Notifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "CaseId" TEXT NULL,
    "TaskId" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ReadAtUtc" TEXT NULL
);

CREATE TABLE "ApprovalRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApprovalRecords" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NULL,
    "InstanceId" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TargetTier" TEXT NULL,
    "Level" INTEGER NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Comment" TEXT NULL,
    "ApproverUserId" TEXT NULL,
    "DecidedAtUtc" TEXT NOT NULL,
    "ConsumedAtUtc" TEXT NULL,
    CONSTRAINT "FK_ApprovalRecords_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CaseRegistrations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CaseRegistrations" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "PrimaryAction" TEXT NOT NULL,
    "Tier" TEXT NOT NULL,
    "RegisteredAtUtc" TEXT NOT NULL,
    "ExitedAtUtc" TEXT NULL,
    "InstanceId" TEXT NULL,
    CONSTRAINT "FK_CaseRegistrations_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Evaluations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Evaluations" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Result" TEXT NOT NULL,
    "ChecklistJson" TEXT NULL,
    "Comment" TEXT NULL,
    "EvaluatorUserId" TEXT NULL,
    "InstanceId" TEXT NULL,
    "TaskId" TEXT NULL,
    "AtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Evaluations_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Subsidies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Subsidies" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "AmountFen" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "RequestedByUserId" TEXT NULL,
    "RequestedAtUtc" TEXT NOT NULL,
    "DecidedByUserId" TEXT NULL,
    "DecidedAtUtc" TEXT NULL,
    "PaidAtUtc" TEXT NULL,
    "BudgetLineId" INTEGER NULL,
    "InstanceId" TEXT NULL,
    CONSTRAINT "FK_Subsidies_BudgetLines_BudgetLineId" FOREIGN KEY ("BudgetLineId") REFERENCES "BudgetLines" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Subsidies_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TimelineEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TimelineEntries" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "ActorUserId" TEXT NULL,
    "InstanceId" TEXT NULL,
    "TaskId" TEXT NULL,
    CONSTRAINT "FK_TimelineEntries_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkTasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkTasks" PRIMARY KEY,
    "BookmarkId" TEXT NULL,
    "InstanceId" TEXT NULL,
    "NodeId" TEXT NULL,
    "CaseId" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "FormJson" TEXT NOT NULL,
    "OutcomesJson" TEXT NOT NULL,
    "AssigneeRule" TEXT NOT NULL,
    "AssigneeUserId" TEXT NULL,
    "CandidateGroup" TEXT NULL,
    "ClaimedByUserId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "DueAtUtc" TEXT NULL,
    "FollowUpAtUtc" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "CompletedAtUtc" TEXT NULL,
    "CompletedByUserId" TEXT NULL,
    "Outcome" TEXT NULL,
    "DataJson" TEXT NULL,
    "Comment" TEXT NULL,
    "TargetTier" TEXT NULL,
    "OrgUnitId" TEXT NULL,
    "EscalationLevel" INTEGER NOT NULL,
    "MeetingId" TEXT NULL,
    "ConcurrencyToken" INTEGER NOT NULL,
    CONSTRAINT "FK_WorkTasks_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CaseHelpers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CaseHelpers" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "HelperId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "AssignedAtUtc" TEXT NOT NULL,
    "ReleasedAtUtc" TEXT NULL,
    CONSTRAINT "FK_CaseHelpers_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CaseHelpers_Helpers_HelperId" FOREIGN KEY ("HelperId") REFERENCES "Helpers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "HelpRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HelpRecords" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "OccurredAtUtc" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "HelperId" INTEGER NULL,
    "RecordedByUserId" TEXT NULL,
    "TaskId" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_HelpRecords_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_HelpRecords_Helpers_HelperId" FOREIGN KEY ("HelperId") REFERENCES "Helpers" ("Id") ON DELETE SET NULL
);

CREATE TABLE "MeetingAgendaItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingAgendaItems" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_MeetingAgendaItems_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MeetingAgendaItems_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MeetingDecisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingDecisions" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" TEXT NOT NULL,
    "CaseId" TEXT NULL,
    "Text" TEXT NOT NULL,
    "TaskId" TEXT NULL,
    CONSTRAINT "FK_MeetingDecisions_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MeetingDecisions_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Expenditures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Expenditures" PRIMARY KEY AUTOINCREMENT,
    "BudgetLineId" INTEGER NOT NULL,
    "AmountFen" INTEGER NOT NULL,
    "Purpose" TEXT NOT NULL,
    "CaseId" TEXT NULL,
    "SubsidyId" INTEGER NULL,
    "SpentOn" TEXT NOT NULL,
    "RecordedByUserId" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Expenditures_BudgetLines_BudgetLineId" FOREIGN KEY ("BudgetLineId") REFERENCES "BudgetLines" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Expenditures_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Expenditures_Subsidies_SubsidyId" FOREIGN KEY ("SubsidyId") REFERENCES "Subsidies" ("Id") ON DELETE SET NULL
);

CREATE TABLE "TaskComments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TaskComments" PRIMARY KEY AUTOINCREMENT,
    "TaskId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_TaskComments_WorkTasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "WorkTasks" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetUsers_OrgUnitId" ON "AspNetUsers" ("OrgUnitId");

CREATE INDEX "IX_ApprovalRecords_CaseId_Subject_Outcome" ON "ApprovalRecords" ("CaseId", "Subject", "Outcome");

CREATE INDEX "IX_ApprovalRecords_InstanceId" ON "ApprovalRecords" ("InstanceId");

CREATE INDEX "IX_AuditEntries_AtUtc" ON "AuditEntries" ("AtUtc");

CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");

CREATE INDEX "IX_AuditEntries_UserId_AtUtc" ON "AuditEntries" ("UserId", "AtUtc");

CREATE INDEX "IX_BudgetLines_Year_OrgUnitId" ON "BudgetLines" ("Year", "OrgUnitId");

CREATE INDEX "IX_CaseHelpers_CaseId" ON "CaseHelpers" ("CaseId");

CREATE INDEX "IX_CaseHelpers_HelperId_ReleasedAtUtc" ON "CaseHelpers" ("HelperId", "ReleasedAtUtc");

CREATE UNIQUE INDEX "IX_CaseRegistrations_CaseId_Number" ON "CaseRegistrations" ("CaseId", "Number");

CREATE INDEX "IX_CaseRegistrations_ExitedAtUtc" ON "CaseRegistrations" ("ExitedAtUtc");

CREATE INDEX "IX_CaseRegistrations_RegisteredAtUtc" ON "CaseRegistrations" ("RegisteredAtUtc");

CREATE INDEX "IX_Cases_AreaId_Status" ON "Cases" ("AreaId", "Status");

CREATE INDEX "IX_Cases_CaseworkerUserId" ON "Cases" ("CaseworkerUserId");

CREATE INDEX "IX_Cases_CoordinatingBodyId" ON "Cases" ("CoordinatingBodyId");

CREATE INDEX "IX_Cases_CreatedAtUtc" ON "Cases" ("CreatedAtUtc");

CREATE UNIQUE INDEX "IX_Cases_FileNumber" ON "Cases" ("FileNumber");

CREATE INDEX "IX_Cases_IdNumber" ON "Cases" ("IdNumber");

CREATE INDEX "IX_Cases_Name_DateOfBirth" ON "Cases" ("Name", "DateOfBirth");

CREATE INDEX "IX_Cases_OrgUnitId_Status" ON "Cases" ("OrgUnitId", "Status");

CREATE INDEX "IX_Cases_PrimaryAction_Status" ON "Cases" ("PrimaryAction", "Status");

CREATE INDEX "IX_Cases_RegisteredAtUtc" ON "Cases" ("RegisteredAtUtc");

CREATE INDEX "IX_Cases_Status" ON "Cases" ("Status");

CREATE INDEX "IX_Cases_Tier_Status" ON "Cases" ("Tier", "Status");

CREATE INDEX "IX_Evaluations_CaseId_AtUtc" ON "Evaluations" ("CaseId", "AtUtc");

CREATE INDEX "IX_Expenditures_BudgetLineId_SpentOn" ON "Expenditures" ("BudgetLineId", "SpentOn");

CREATE INDEX "IX_Expenditures_CaseId" ON "Expenditures" ("CaseId");

CREATE INDEX "IX_Expenditures_SubsidyId" ON "Expenditures" ("SubsidyId");

CREATE INDEX "IX_Helpers_Kind_Active" ON "Helpers" ("Kind", "Active");

CREATE INDEX "IX_Helpers_OrgUnitId" ON "Helpers" ("OrgUnitId");

CREATE INDEX "IX_HelpRecords_CaseId_OccurredAtUtc" ON "HelpRecords" ("CaseId", "OccurredAtUtc");

CREATE INDEX "IX_HelpRecords_HelperId" ON "HelpRecords" ("HelperId");

CREATE INDEX "IX_MeetingAgendaItems_CaseId" ON "MeetingAgendaItems" ("CaseId");

CREATE INDEX "IX_MeetingAgendaItems_MeetingId" ON "MeetingAgendaItems" ("MeetingId");

CREATE INDEX "IX_MeetingDecisions_CaseId" ON "MeetingDecisions" ("CaseId");

CREATE INDEX "IX_MeetingDecisions_MeetingId" ON "MeetingDecisions" ("MeetingId");

CREATE INDEX "IX_Meetings_InstanceId" ON "Meetings" ("InstanceId");

CREATE INDEX "IX_Meetings_Kind_ScheduledAtUtc" ON "Meetings" ("Kind", "ScheduledAtUtc");

CREATE INDEX "IX_Notifications_UserId_CreatedAtUtc" ON "Notifications" ("UserId", "CreatedAtUtc");

CREATE INDEX "IX_Notifications_UserId_ReadAtUtc" ON "Notifications" ("UserId", "ReadAtUtc");

CREATE INDEX "IX_Subsidies_BudgetLineId" ON "Subsidies" ("BudgetLineId");

CREATE INDEX "IX_Subsidies_CaseId_Status" ON "Subsidies" ("CaseId", "Status");

CREATE INDEX "IX_Subsidies_Status" ON "Subsidies" ("Status");

CREATE INDEX "IX_TaskComments_TaskId_AtUtc" ON "TaskComments" ("TaskId", "AtUtc");

CREATE INDEX "IX_TimelineEntries_CaseId_AtUtc" ON "TimelineEntries" ("CaseId", "AtUtc");

CREATE INDEX "IX_WorkTasks_AssigneeUserId_Status" ON "WorkTasks" ("AssigneeUserId", "Status");

CREATE INDEX "IX_WorkTasks_BookmarkId" ON "WorkTasks" ("BookmarkId");

CREATE INDEX "IX_WorkTasks_CandidateGroup_Status" ON "WorkTasks" ("CandidateGroup", "Status");

CREATE INDEX "IX_WorkTasks_CaseId_Status" ON "WorkTasks" ("CaseId", "Status");

CREATE INDEX "IX_WorkTasks_ClaimedByUserId_Status" ON "WorkTasks" ("ClaimedByUserId", "Status");

CREATE INDEX "IX_WorkTasks_InstanceId" ON "WorkTasks" ("InstanceId");

CREATE INDEX "IX_WorkTasks_OrgUnitId_Status" ON "WorkTasks" ("OrgUnitId", "Status");

CREATE INDEX "IX_WorkTasks_Status_DueAtUtc" ON "WorkTasks" ("Status", "DueAtUtc");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128155109_Cases', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_WorkflowBookmarks_ResumeAtUtc";

CREATE INDEX "IX_WorkflowBookmarks_ResumeAtUtc" ON "WorkflowBookmarks" ("ResumeAtUtc") WHERE "ResumeAtUtc" IS NOT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128181352_TimerBookmarkIndexOnlyTimers', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_WorkTasks_BookmarkId";

DROP INDEX "IX_WorkflowDefinitionVersions_DefinitionId_IsLatest";

DROP INDEX "IX_WorkflowDefinitionVersions_DefinitionId_IsPublished";

ALTER TABLE "WorkflowInstances" ADD "LeaseExpiresAtUtc" TEXT NULL;

ALTER TABLE "WorkflowInstances" ADD "LeaseOwner" TEXT NULL;

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "FileNumberCounters" (
    "Year" INTEGER NOT NULL CONSTRAINT "PK_FileNumberCounters" PRIMARY KEY,
    "Last" INTEGER NOT NULL
);

CREATE TABLE "OutboxMessages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "PayloadJson" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "DueAtUtc" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL
);

CREATE UNIQUE INDEX "IX_WorkTasks_BookmarkId" ON "WorkTasks" ("BookmarkId") WHERE "BookmarkId" IS NOT NULL;

CREATE UNIQUE INDEX "IX_WorkflowDefinitionVersions_OneLatest" ON "WorkflowDefinitionVersions" ("DefinitionId") WHERE "IsLatest" = TRUE;

CREATE UNIQUE INDEX "IX_WorkflowDefinitionVersions_OnePublished" ON "WorkflowDefinitionVersions" ("DefinitionId") WHERE "IsPublished" = TRUE;

CREATE INDEX "IX_OutboxMessages_DueAtUtc" ON "OutboxMessages" ("DueAtUtc");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207000413_SeveralNodes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "RefreshTokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RefreshTokens" PRIMARY KEY AUTOINCREMENT,
    "FamilyId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "SecurityStamp" TEXT NULL,
    "IssuedAtUtc" TEXT NOT NULL,
    "ExpiresAtUtc" TEXT NOT NULL,
    "SpentAtUtc" TEXT NULL,
    "RevokedAtUtc" TEXT NULL
);

CREATE INDEX "IX_RefreshTokens_FamilyId" ON "RefreshTokens" ("FamilyId");

CREATE UNIQUE INDEX "IX_RefreshTokens_TokenHash" ON "RefreshTokens" ("TokenHash");

CREATE INDEX "IX_RefreshTokens_UserId" ON "RefreshTokens" ("UserId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207015850_SignInRefreshTokens', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Cases" ADD "AnonymisedAtUtc" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207020850_Retention', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "IncidentReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IncidentReports" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "SchoolId" TEXT NULL,
    "MinorInRegister" INTEGER NOT NULL,
    "CaseId" TEXT NULL,
    "ReportingBodyId" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "RecordedByUserId" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_IncidentReports_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_IncidentReports_CaseId" ON "IncidentReports" ("CaseId");

CREATE INDEX "IX_IncidentReports_Kind_OccurredOn" ON "IncidentReports" ("Kind", "OccurredOn");

CREATE INDEX "IX_IncidentReports_ReportingBodyId_OccurredOn" ON "IncidentReports" ("ReportingBodyId", "OccurredOn");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207021533_IncidentRegister', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Meetings" ADD "CalledByUserId" TEXT NULL;

ALTER TABLE "Meetings" ADD "Place" TEXT NULL;

CREATE TABLE "MeetingAttendees" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingAttendees" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "HelperId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "FK_MeetingAttendees_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanGoals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanGoals" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Measures" TEXT NOT NULL,
    "HelperId" INTEGER NULL,
    "ReviewOn" TEXT NULL,
    "ReviewTaskId" TEXT NULL,
    "ReviewedAtUtc" TEXT NULL,
    "Result" TEXT NULL,
    "ResultNote" TEXT NULL,
    "ResultAtUtc" TEXT NULL,
    "Active" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_PlanGoals_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PlanGoals_Helpers_HelperId" FOREIGN KEY ("HelperId") REFERENCES "Helpers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PlanRevisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanRevisions" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "AuthorUserId" TEXT NULL,
    "AtUtc" TEXT NOT NULL,
    "Changes" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_PlanRevisions_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_MeetingAttendees_MeetingId" ON "MeetingAttendees" ("MeetingId");

CREATE INDEX "IX_PlanGoals_Active_ReviewOn" ON "PlanGoals" ("Active", "ReviewOn");

CREATE INDEX "IX_PlanGoals_CaseId" ON "PlanGoals" ("CaseId");

CREATE INDEX "IX_PlanGoals_HelperId" ON "PlanGoals" ("HelperId");

CREATE UNIQUE INDEX "IX_PlanRevisions_CaseId_Version" ON "PlanRevisions" ("CaseId", "Version");

INSERT INTO "PlanGoals" ("CaseId", "Position", "Title", "Measures", "Active", "CreatedAtUtc")
SELECT "Id", 1, COALESCE("PlanGoals", "PlanMeasures"), COALESCE("PlanMeasures", ''), 1, COALESCE("PlanUpdatedAtUtc", "UpdatedAtUtc")
FROM "Cases" WHERE "PlanGoals" IS NOT NULL OR "PlanMeasures" IS NOT NULL;

INSERT INTO "PlanRevisions" ("CaseId", "Version", "AtUtc", "Changes", "Note")
SELECT "Id", 1, COALESCE("PlanUpdatedAtUtc", "UpdatedAtUtc"), '新增目标1：' || COALESCE("PlanGoals", "PlanMeasures"), '由原文本帮扶方案迁移'
FROM "Cases" WHERE "PlanGoals" IS NOT NULL OR "PlanMeasures" IS NOT NULL;

ALTER TABLE "Cases" DROP COLUMN "PlanGoals";

ALTER TABLE "Cases" DROP COLUMN "PlanMeasures";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207021910_SupportPlansAndMeetings', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Evaluations" ADD "CriteriaVersionId" INTEGER NULL;

CREATE TABLE "CriteriaVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CriteriaVersions" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "ItemsJson" TEXT NOT NULL,
    "PublishedAtUtc" TEXT NOT NULL,
    "PublishedByUserId" TEXT NULL,
    "Note" TEXT NULL
);

CREATE INDEX "IX_Evaluations_CriteriaVersionId" ON "Evaluations" ("CriteriaVersionId");

CREATE UNIQUE INDEX "IX_CriteriaVersions_Kind_Action_Number" ON "CriteriaVersions" ("Kind", "Action", "Number");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207025448_GatesCriteria', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "CaseFamilies" (
    "CaseId" TEXT NOT NULL CONSTRAINT "PK_CaseFamilies" PRIMARY KEY,
    "Situation" TEXT NULL,
    "Support" TEXT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_CaseFamilies_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FamilyChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FamilyChanges" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "AuthorUserId" TEXT NULL,
    "AtUtc" TEXT NOT NULL,
    "Changes" TEXT NOT NULL,
    CONSTRAINT "FK_FamilyChanges_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FamilyMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FamilyMembers" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Relationship" TEXT NOT NULL,
    "IsLegalGuardian" INTEGER NOT NULL,
    "Phone" TEXT NULL,
    "Residence" TEXT NOT NULL,
    "City" TEXT NULL,
    "Employer" TEXT NULL,
    "LivesWithMinor" INTEGER NOT NULL,
    "Active" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_FamilyMembers_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_FamilyChanges_CaseId" ON "FamilyChanges" ("CaseId");

CREATE INDEX "IX_FamilyMembers_CaseId" ON "FamilyMembers" ("CaseId");

CREATE INDEX "IX_FamilyMembers_Phone" ON "FamilyMembers" ("Phone");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207050033_FamilyGuardianship', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "OrgUnits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OrgUnits" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "EnglishName" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "AreaId" TEXT NULL,
    "Actions" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "RetiredAtUtc" TEXT NULL
);

CREATE INDEX "IX_OrgUnits_ParentId" ON "OrgUnits" ("ParentId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207050746_OrganisationUnits', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "SpecialReports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SpecialReports" PRIMARY KEY,
    "Year" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "MeetingId" TEXT NULL,
    "Period" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DraftedByUserId" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "SubmittedAtUtc" TEXT NULL,
    "InstanceId" TEXT NULL,
    "SignedByUserId" TEXT NULL,
    "SignedAtUtc" TEXT NULL,
    "SignOffComment" TEXT NULL,
    "ReturnedByUserId" TEXT NULL,
    "ReturnedAtUtc" TEXT NULL,
    "ReturnReason" TEXT NULL,
    "ConcurrencyToken" INTEGER NOT NULL,
    "NumberText" TEXT NOT NULL,
    CONSTRAINT "FK_SpecialReports_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE SET NULL
);

CREATE TABLE "SpecialReportRecipients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SpecialReportRecipients" PRIMARY KEY AUTOINCREMENT,
    "ReportId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "TaskId" TEXT NULL,
    "SentAtUtc" TEXT NOT NULL,
    "ReadAtUtc" TEXT NULL,
    CONSTRAINT "FK_SpecialReportRecipients_SpecialReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "SpecialReports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SpecialReportSections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SpecialReportSections" PRIMARY KEY AUTOINCREMENT,
    "ReportId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Heading" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    CONSTRAINT "FK_SpecialReportSections_SpecialReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "SpecialReports" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_SpecialReportRecipients_ReportId_UserId" ON "SpecialReportRecipients" ("ReportId", "UserId");

CREATE INDEX "IX_SpecialReportRecipients_UserId_ReadAtUtc" ON "SpecialReportRecipients" ("UserId", "ReadAtUtc");

CREATE INDEX "IX_SpecialReports_InstanceId" ON "SpecialReports" ("InstanceId");

CREATE INDEX "IX_SpecialReports_MeetingId" ON "SpecialReports" ("MeetingId");

CREATE INDEX "IX_SpecialReports_Status_CreatedAtUtc" ON "SpecialReports" ("Status", "CreatedAtUtc");

CREATE UNIQUE INDEX "IX_SpecialReports_Year_Number" ON "SpecialReports" ("Year", "Number");

CREATE INDEX "IX_SpecialReportSections_ReportId_Position" ON "SpecialReportSections" ("ReportId", "Position");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207051439_SpecialReports', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_WorkflowResumedBookmarks_InstanceId";

CREATE TABLE "ef_temp_WorkflowJournal" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkflowJournal" PRIMARY KEY,
    "ActivityId" TEXT NOT NULL,
    "ActivityName" TEXT NULL,
    "ActivityType" TEXT NOT NULL,
    "Error" TEXT NULL,
    "EventName" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "Message" TEXT NULL,
    "NodeId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "TimestampUtc" TEXT NOT NULL
);

INSERT INTO "ef_temp_WorkflowJournal" ("Id", "ActivityId", "ActivityName", "ActivityType", "Error", "EventName", "InstanceId", "Message", "NodeId", "Sequence", "TimestampUtc")
SELECT "Id", "ActivityId", "ActivityName", "ActivityType", "Error", "EventName", "InstanceId", "Message", "NodeId", "Sequence", "TimestampUtc"
FROM "WorkflowJournal";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "WorkflowJournal";

ALTER TABLE "ef_temp_WorkflowJournal" RENAME TO "WorkflowJournal";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE UNIQUE INDEX "IX_WorkflowJournal_InstanceId_Sequence" ON "WorkflowJournal" ("InstanceId", "Sequence");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207052708_PerfEngineSchema', '10.0.15');

BEGIN TRANSACTION;
CREATE TABLE "SupervisionNotices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupervisionNotices" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "UnitId" TEXT NOT NULL,
    "CaseId" TEXT NULL,
    "TaskId" TEXT NULL,
    "Subject" TEXT NOT NULL,
    "Requirement" TEXT NOT NULL,
    "DeadlineOn" TEXT NOT NULL,
    "DeadlineAtUtc" TEXT NOT NULL,
    "IssuedByUserId" TEXT NOT NULL,
    "IssuedAtUtc" TEXT NOT NULL,
    "WorkflowInstanceId" TEXT NULL,
    "EscalatedAtUtc" TEXT NULL
);

CREATE INDEX "IX_SupervisionNotices_CaseId" ON "SupervisionNotices" ("CaseId");

CREATE INDEX "IX_SupervisionNotices_UnitId" ON "SupervisionNotices" ("UnitId");

CREATE INDEX "IX_SupervisionNotices_WorkflowInstanceId" ON "SupervisionNotices" ("WorkflowInstanceId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207055623_SupervisionNotices', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "OrgTreeStamps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OrgTreeStamps" PRIMARY KEY,
    "Version" INTEGER NOT NULL
);

INSERT INTO "OrgTreeStamps" ("Id", "Version")
VALUES (1, 0);
SELECT changes();


INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207081059_OrganisationTreeStamp', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Employers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Employers" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Industry" TEXT NOT NULL,
    "ContactPerson" TEXT NOT NULL,
    "ContactPhone" TEXT NOT NULL,
    "CooperationSigned" INTEGER NOT NULL,
    "SignedOn" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL
);

CREATE TABLE "EmployerJobs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EmployerJobs" PRIMARY KEY AUTOINCREMENT,
    "EmployerId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Openings" INTEGER NOT NULL,
    "Filled" INTEGER NOT NULL,
    "Open" INTEGER NOT NULL,
    CONSTRAINT "FK_EmployerJobs_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GuardianshipConsultations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GuardianshipConsultations" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "ParentMemberId" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ProposedByUserId" TEXT NULL,
    "ProposedAtUtc" TEXT NOT NULL,
    "InstanceId" TEXT NULL,
    "PlannedOn" TEXT NULL,
    "Place" TEXT NULL,
    "ArrangedByUserId" TEXT NULL,
    "ArrangedAtUtc" TEXT NULL,
    "HeldOn" TEXT NULL,
    "ParentTookPart" INTEGER NOT NULL,
    "EmployerTookPart" INTEGER NOT NULL,
    "SchoolTookPart" INTEGER NOT NULL,
    "CommunityTookPart" INTEGER NOT NULL,
    "Outcome" TEXT NULL,
    "JobId" INTEGER NULL,
    "EntrustedGuardian" TEXT NULL,
    "OutcomeNote" TEXT NULL,
    "RecordedByUserId" TEXT NULL,
    "RecordedAtUtc" TEXT NULL,
    "FollowUpParentAtHome" INTEGER NULL,
    "FollowUpCaring" INTEGER NULL,
    "FollowUpNote" TEXT NULL,
    "FollowUpByUserId" TEXT NULL,
    "FollowUpAtUtc" TEXT NULL,
    CONSTRAINT "FK_GuardianshipConsultations_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_GuardianshipConsultations_EmployerJobs_JobId" FOREIGN KEY ("JobId") REFERENCES "EmployerJobs" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GuardianshipJobMatches" (
    "ConsultationId" INTEGER NOT NULL,
    "JobId" INTEGER NOT NULL,
    CONSTRAINT "PK_GuardianshipJobMatches" PRIMARY KEY ("ConsultationId", "JobId"),
    CONSTRAINT "FK_GuardianshipJobMatches_EmployerJobs_JobId" FOREIGN KEY ("JobId") REFERENCES "EmployerJobs" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_GuardianshipJobMatches_GuardianshipConsultations_ConsultationId" FOREIGN KEY ("ConsultationId") REFERENCES "GuardianshipConsultations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EmployerJobs_EmployerId" ON "EmployerJobs" ("EmployerId");

CREATE UNIQUE INDEX "IX_Employers_Name" ON "Employers" ("Name");

CREATE INDEX "IX_GuardianshipConsultations_CaseId" ON "GuardianshipConsultations" ("CaseId");

CREATE INDEX "IX_GuardianshipConsultations_InstanceId" ON "GuardianshipConsultations" ("InstanceId");

CREATE INDEX "IX_GuardianshipConsultations_JobId" ON "GuardianshipConsultations" ("JobId");

CREATE INDEX "IX_GuardianshipJobMatches_JobId" ON "GuardianshipJobMatches" ("JobId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207081143_GuardianshipConsultation', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "FamilyEducationReferrals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FamilyEducationReferrals" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "SubCentreId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "ReferredByUserId" TEXT NOT NULL,
    "ReferredAtUtc" TEXT NOT NULL,
    "ReferredOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DecisionReason" TEXT NULL,
    "DecidedAtUtc" TEXT NULL,
    "PlanKinds" TEXT NULL,
    "PlanNote" TEXT NULL,
    "PlannedAtUtc" TEXT NULL,
    "EvaluationWeeks" INTEGER NOT NULL,
    "Result" TEXT NULL,
    "EvaluationNote" TEXT NULL,
    "EvaluatedAtUtc" TEXT NULL,
    "WorkflowInstanceId" TEXT NULL
);

CREATE TABLE "FamilyEducationSessions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FamilyEducationSessions" PRIMARY KEY AUTOINCREMENT,
    "ReferralId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SessionDate" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "AttendeeMemberIds" TEXT NOT NULL,
    "InvitedCount" INTEGER NOT NULL,
    "AttendedCount" INTEGER NOT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL
);

CREATE INDEX "IX_FamilyEducationReferrals_CaseId" ON "FamilyEducationReferrals" ("CaseId");

CREATE INDEX "IX_FamilyEducationReferrals_SubCentreId" ON "FamilyEducationReferrals" ("SubCentreId");

CREATE INDEX "IX_FamilyEducationSessions_ReferralId" ON "FamilyEducationSessions" ("ReferralId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207081944_FamilyEducation', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_WorkTasks_AssigneeUserId_Status";

DROP INDEX "IX_WorkTasks_ClaimedByUserId_Status";

CREATE INDEX "IX_WorkTasks_AssigneeUserId_Status_ClaimedByUserId_CreatedAtUtc" ON "WorkTasks" ("AssigneeUserId", "Status", "ClaimedByUserId", "CreatedAtUtc");

CREATE INDEX "IX_WorkTasks_ClaimedByUserId_Status_CreatedAtUtc" ON "WorkTasks" ("ClaimedByUserId", "Status", "CreatedAtUtc");

CREATE INDEX "IX_WorkTasks_CompletedByUserId_Status_CreatedAtUtc" ON "WorkTasks" ("CompletedByUserId", "Status", "CreatedAtUtc");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207082810_PerfInbox', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "FamilyEducationSessions" ADD "ClassId" TEXT NULL;

CREATE TABLE "FamilyEducationClasses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FamilyEducationClasses" PRIMARY KEY,
    "SubCentreId" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    "ClassDate" TEXT NOT NULL,
    "StartTime" TEXT NOT NULL,
    "StartsAtUtc" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Capacity" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "CancelReason" TEXT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "HeldRecordedAtUtc" TEXT NULL,
    "CancelledAtUtc" TEXT NULL
);

CREATE TABLE "FamilyEducationClassInvitations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FamilyEducationClassInvitations" PRIMARY KEY AUTOINCREMENT,
    "ClassId" TEXT NOT NULL,
    "ReferralId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "MemberId" INTEGER NOT NULL,
    "InvitedByUserId" TEXT NOT NULL,
    "InvitedAtUtc" TEXT NOT NULL,
    "Attended" INTEGER NULL,
    "AttendanceNote" TEXT NULL
);

CREATE TABLE "FamilyEducationClassReminders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FamilyEducationClassReminders" PRIMARY KEY AUTOINCREMENT,
    "ClassId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "ClassDate" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "SentAtUtc" TEXT NOT NULL
);

CREATE INDEX "IX_FamilyEducationSessions_ClassId_ReferralId" ON "FamilyEducationSessions" ("ClassId", "ReferralId");

CREATE INDEX "IX_FamilyEducationClasses_Status_ClassDate" ON "FamilyEducationClasses" ("Status", "ClassDate");

CREATE INDEX "IX_FamilyEducationClasses_SubCentreId_ClassDate" ON "FamilyEducationClasses" ("SubCentreId", "ClassDate");

CREATE UNIQUE INDEX "IX_FamilyEducationClassInvitations_ClassId_MemberId" ON "FamilyEducationClassInvitations" ("ClassId", "MemberId");

CREATE INDEX "IX_FamilyEducationClassInvitations_ReferralId" ON "FamilyEducationClassInvitations" ("ReferralId");

CREATE UNIQUE INDEX "IX_FamilyEducationClassReminders_ClassId_CaseId_ClassDate" ON "FamilyEducationClassReminders" ("ClassId", "CaseId", "ClassDate");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207111252_FamilyEducationClasses', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_WorkTasks_ClaimedByUserId_Status_CreatedAtUtc";

DROP INDEX "IX_WorkTasks_CompletedByUserId_Status_CreatedAtUtc";

DROP INDEX "IX_Cases_CaseworkerUserId";

DROP INDEX "IX_Cases_CreatedAtUtc";

CREATE TABLE "DataStamps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataStamps" PRIMARY KEY,
    "Version" INTEGER NOT NULL
);

INSERT INTO "DataStamps" ("Id", "Version")
VALUES (1, 0);
SELECT changes();


CREATE INDEX "IX_WorkTasks_ClaimedByUserId_Status_CreatedAtUtc_Id" ON "WorkTasks" ("ClaimedByUserId", "Status", "CreatedAtUtc" DESC, "Id");

CREATE INDEX "IX_WorkTasks_CompletedByUserId_Status_CreatedAtUtc_Id" ON "WorkTasks" ("CompletedByUserId", "Status", "CreatedAtUtc" DESC, "Id");

CREATE INDEX "IX_WorkTasks_Unclaimed_AssigneeUserId_Status_CreatedAtUtc_Id" ON "WorkTasks" ("AssigneeUserId", "Status", "CreatedAtUtc" DESC, "Id") WHERE "ClaimedByUserId" IS NULL;

CREATE INDEX "IX_Cases_AreaId_CreatedAtUtc_Id" ON "Cases" ("AreaId", "CreatedAtUtc" DESC, "Id");

CREATE INDEX "IX_Cases_CaseworkerUserId_CreatedAtUtc_Id_OrgUnitId_AreaId_PrimaryAction" ON "Cases" ("CaseworkerUserId", "CreatedAtUtc" DESC, "Id", "OrgUnitId", "AreaId", "PrimaryAction");

CREATE INDEX "IX_Cases_CreatedAtUtc_Id" ON "Cases" ("CreatedAtUtc" DESC, "Id");

CREATE INDEX "IX_Cases_OrgUnitId_CreatedAtUtc_Id" ON "Cases" ("OrgUnitId", "CreatedAtUtc" DESC, "Id");

CREATE INDEX "IX_Cases_PrimaryAction_CreatedAtUtc_Id" ON "Cases" ("PrimaryAction", "CreatedAtUtc" DESC, "Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207115849_PerfLists', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_WorkflowInstances_DefinitionId_Status";

DROP INDEX "IX_WorkflowInstances_SubStatus";

CREATE INDEX "IX_WorkflowInstances_DefinitionId_DefinitionVersion" ON "WorkflowInstances" ("DefinitionId", "DefinitionVersion");

CREATE INDEX "IX_WorkflowInstances_Executing" ON "WorkflowInstances" ("SubStatus") WHERE "SubStatus" = 'Executing';

CREATE INDEX "IX_WorkflowInstances_Running" ON "WorkflowInstances" ("DefinitionId") WHERE "Status" = 'Running';

CREATE TABLE "ef_temp_WorkflowBookmarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowBookmarks" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Key" TEXT NULL,
    "CorrelationId" TEXT NULL,
    "ActivityId" TEXT NOT NULL,
    "NodeId" TEXT NOT NULL,
    "ActivityType" TEXT NOT NULL,
    "ResumeAtUtc" TEXT NULL,
    "PayloadJson" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO "ef_temp_WorkflowBookmarks" ("Id", "InstanceId", "Name", "Key", "CorrelationId", "ActivityId", "NodeId", "ActivityType", "ResumeAtUtc", "PayloadJson", "CreatedAtUtc")
SELECT "Id", "InstanceId", "Name", "Key", "CorrelationId", "ActivityId", "NodeId", "ActivityType", "ResumeAtUtc", "PayloadJson", "CreatedAtUtc" FROM "WorkflowBookmarks";
DROP TABLE "WorkflowBookmarks";
ALTER TABLE "ef_temp_WorkflowBookmarks" RENAME TO "WorkflowBookmarks";
CREATE INDEX "IX_WorkflowBookmarks_InstanceId" ON "WorkflowBookmarks" ("InstanceId");
CREATE INDEX "IX_WorkflowBookmarks_Name_Key" ON "WorkflowBookmarks" ("Name", "Key");
CREATE INDEX "IX_WorkflowBookmarks_ResumeAtUtc" ON "WorkflowBookmarks" ("ResumeAtUtc") WHERE "ResumeAtUtc" IS NOT NULL;

CREATE TABLE "ef_temp_WorkflowResumedBookmarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowResumedBookmarks" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "ResumedAtUtc" TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO "ef_temp_WorkflowResumedBookmarks" ("Id", "InstanceId", "ResumedAtUtc")
SELECT "Id", "InstanceId", "ResumedAtUtc" FROM "WorkflowResumedBookmarks";
DROP TABLE "WorkflowResumedBookmarks";
ALTER TABLE "ef_temp_WorkflowResumedBookmarks" RENAME TO "WorkflowResumedBookmarks";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207143041_PerfEngine4Schema', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_WorkflowBookmarks_InstanceId";

DROP INDEX "IX_WorkflowBookmarks_Name_Key";

CREATE INDEX "IX_WorkflowBookmarks_Events" ON "WorkflowBookmarks" ("Key", "CorrelationId") WHERE "Name" = 'Elsa.Event';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207172718_PerfEngine5Schema', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ef_temp_WorkflowJournal" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkflowJournal" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "EntryCount" INTEGER NOT NULL,
    "TimestampUtc" TEXT NOT NULL,
    "EntriesJson" TEXT NOT NULL);

INSERT INTO "ef_temp_WorkflowJournal" ("Id", "InstanceId", "Sequence", "EntryCount", "TimestampUtc", "EntriesJson")
SELECT "Id", "InstanceId", "Sequence", 1, "TimestampUtc",
    json_array(json_object('a', "ActivityId", 'n', "NodeId", 't', "ActivityType", 'an', "ActivityName",
        'e', "EventName", 'm', "Message", 'er', "Error"))
FROM "WorkflowJournal" ORDER BY "Id";

DROP TABLE "WorkflowJournal";

ALTER TABLE "ef_temp_WorkflowJournal" RENAME TO "WorkflowJournal";

CREATE UNIQUE INDEX "IX_WorkflowJournal_InstanceId_Sequence" ON "WorkflowJournal" ("InstanceId", "Sequence");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207202615_PerfEngine6Journal', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "WorkflowBookmarks" ADD "BurnedAtUtc" TEXT NULL;

INSERT INTO "WorkflowBookmarks" ("Id", "InstanceId", "Name", "ActivityId", "NodeId", "ActivityType", "CreatedAtUtc", "BurnedAtUtc")
SELECT r."Id", r."InstanceId", '', '', '', '', r."ResumedAtUtc", r."ResumedAtUtc" FROM "WorkflowResumedBookmarks" r
WHERE NOT EXISTS (SELECT 1 FROM "WorkflowBookmarks" b WHERE b."Id" = r."Id");

DROP TABLE "WorkflowResumedBookmarks";

DROP INDEX "IX_WorkflowBookmarks_Events";

DROP INDEX "IX_WorkflowBookmarks_ResumeAtUtc";

CREATE INDEX "IX_WorkflowBookmarks_Events" ON "WorkflowBookmarks" ("Key", "CorrelationId") WHERE "Name" = 'Elsa.Event' AND "BurnedAtUtc" IS NULL;

CREATE INDEX "IX_WorkflowBookmarks_ResumeAtUtc" ON "WorkflowBookmarks" ("ResumeAtUtc") WHERE "ResumeAtUtc" IS NOT NULL AND "BurnedAtUtc" IS NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207204306_PerfEngine6Bookmarks', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "WorkflowJournal" ADD "PreviousId" INTEGER NULL;

ALTER TABLE "WorkflowInstances" ADD "LastJournalId" INTEGER NULL;

UPDATE "WorkflowJournal" SET "PreviousId" = (SELECT p."Id" FROM "WorkflowJournal" p
    WHERE p."InstanceId" = "WorkflowJournal"."InstanceId" AND p."Sequence" < "WorkflowJournal"."Sequence"
    ORDER BY p."Sequence" DESC LIMIT 1);

UPDATE "WorkflowInstances" SET "LastJournalId" = (SELECT j."Id" FROM "WorkflowJournal" j
    WHERE j."InstanceId" = "WorkflowInstances"."Id" ORDER BY j."Sequence" DESC LIMIT 1);

DROP INDEX "IX_WorkflowJournal_InstanceId_Sequence";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207205743_PerfEngine6JournalChain', '10.0.15');

COMMIT;

