using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lantern.Web.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpAndReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FirstReplyAt",
                table: "reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReporterActiveAt",
                table: "reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReporterSeenAt",
                table: "reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "UnreadFromReporter",
                table: "reports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "ReferralId",
                table: "report_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAt",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "referrals",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PartnerUpdatedAt",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RespondedAt",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RuleId",
                table: "referrals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RuleName",
                table: "referrals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "organisations",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "organisations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "organisations",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Forms",
                table: "organisations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Languages",
                table: "organisations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NoticeEmail",
                table: "organisations",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpeningHours",
                table: "organisations",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Postcodes",
                table: "organisations",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "TakesAdults",
                table: "organisations",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "TakesMinors",
                table: "organisations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Website",
                table: "organisations",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "mail_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    To = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mail_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageItemId = table.Column<long>(type: "bigint", nullable: true),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    OriginalId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    NameSequence = table.Column<int>(type: "integer", nullable: false),
                    FirstChunkSequence = table.Column<int>(type: "integer", nullable: false),
                    ChunkCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Complete = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_files_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_report_files_report_files_OriginalId",
                        column: x => x.OriginalId,
                        principalTable: "report_files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_report_files_report_items_MessageItemId",
                        column: x => x.MessageItemId,
                        principalTable: "report_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_report_files_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "routing_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Region = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Form = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Minor = table.Column<bool>(type: "boolean", nullable: true),
                    ImmediateDanger = table.Column<bool>(type: "boolean", nullable: true),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    OrganisationKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Scope = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routing_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_routing_rules_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reports_UnreadFromReporter_UrgencyLevel_ReceivedAt_Id",
                table: "reports",
                columns: new[] { "UnreadFromReporter", "UrgencyLevel", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_report_items_ReferralId",
                table: "report_items",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_OrganisationId_CreatedAt",
                table: "referrals",
                columns: new[] { "OrganisationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_RuleId",
                table: "referrals",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_State_DueAt",
                table: "referrals",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_mail_outbox_SentAt_NextAttemptAt",
                table: "mail_outbox",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_report_files_AuthorId",
                table: "report_files",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_report_files_MessageItemId",
                table: "report_files",
                column: "MessageItemId");

            migrationBuilder.CreateIndex(
                name: "IX_report_files_OriginalId",
                table: "report_files",
                column: "OriginalId");

            migrationBuilder.CreateIndex(
                name: "IX_report_files_ReportId_CreatedAt",
                table: "report_files",
                columns: new[] { "ReportId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_routing_rules_OrganisationId",
                table: "routing_rules",
                column: "OrganisationId");

            migrationBuilder.AddForeignKey(
                name: "FK_referrals_routing_rules_RuleId",
                table: "referrals",
                column: "RuleId",
                principalTable: "routing_rules",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_report_items_referrals_ReferralId",
                table: "report_items",
                column: "ReferralId",
                principalTable: "referrals",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_referrals_routing_rules_RuleId",
                table: "referrals");

            migrationBuilder.DropForeignKey(
                name: "FK_report_items_referrals_ReferralId",
                table: "report_items");

            migrationBuilder.DropTable(
                name: "mail_outbox");

            migrationBuilder.DropTable(
                name: "report_files");

            migrationBuilder.DropTable(
                name: "routing_rules");

            migrationBuilder.DropIndex(
                name: "IX_reports_UnreadFromReporter_UrgencyLevel_ReceivedAt_Id",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "IX_report_items_ReferralId",
                table: "report_items");

            migrationBuilder.DropIndex(
                name: "IX_referrals_OrganisationId_CreatedAt",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "IX_referrals_RuleId",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "IX_referrals_State_DueAt",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "FirstReplyAt",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "ReporterActiveAt",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "ReporterSeenAt",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "UnreadFromReporter",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "ReferralId",
                table: "report_items");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "PartnerUpdatedAt",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "RespondedAt",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "RuleId",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "RuleName",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "Forms",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "NoticeEmail",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "OpeningHours",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "Postcodes",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "TakesAdults",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "TakesMinors",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "Website",
                table: "organisations");
        }
    }
}
